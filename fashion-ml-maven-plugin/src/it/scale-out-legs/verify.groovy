// The jobs of a CI matrix as separate mvn processes, each in its own copy of the project and, for the legs and
// the first gather, its own empty local repository (filled from the IT's and the build's local repositories
// through file:// remotes, as a CI runner's would be from a repository manager).
import groovy.json.JsonSlurper

def json = { File f -> new JsonSlurper().parse(f) }
def target = new File(basedir, 'target')
def plan = json(new File(target, 'fashion-ml/plan.json'))
def legs = plan.legs*.name
assert legs == ['tiny', 'small', 'swept_seed1', 'swept_seed2']
assert plan.legs.every { it.fingerprint ==~ /[0-9a-f]{64}/ }
assert plan.legs.find { it.name == 'swept_seed2' }.model == 'swept'
assert plan.legs.find { it.name == 'tiny' }.coordinates == 'io.github.fashionml.it:scale-out-legs-leg-tiny:zip:1.0'
def log = new File(basedir, 'build.log').text
assert log.contains('Legs: ["tiny","small","swept_seed1","swept_seed2"]')
assert !log.contains('Forking a JVM')

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def outer = new File(System.getProperty('maven.repo.local') ?: "${System.getProperty('user.home')}/.m2/repository")
def settings = new File(target, 'job-settings.xml')
def remote = { String id, File dir -> """
      <repository><id>${id}</id><url>${dir.toURI()}</url></repository>""" }
def pluginRemote = { String id, File dir -> """
      <pluginRepository><id>${id}</id><url>${dir.toURI()}</url></pluginRepository>""" }
settings.text = """<settings><profiles><profile><id>jobs</id>
  <activation><activeByDefault>true</activeByDefault></activation>
  <repositories>${remote('it', new File(localRepositoryPath.toString()))}${remote('build', outer)}</repositories>
  <pluginRepositories>${pluginRemote('it', new File(localRepositoryPath.toString()))}${pluginRemote('build', outer)}</pluginRepositories>
</profile></profiles></settings>"""
def legRepository = new File(target, 'legs-repository')
def legUrl = legRepository.toURI().toString()

// A job: a copy of the project (its POM) in target/jobs/<name>, its own local repository, its own log.
def start = { String name, File localRepository, List<String> args ->
    def dir = new File(target, "jobs/${name}")
    dir.mkdirs()
    new File(dir, 'pom.xml').text = new File(basedir, 'pom.xml').text
    List<String> command = [mvn, '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepository}",
                   '-Dfashionml.cacheDirectory=target/fashion-ml-cache'] + args
    command = command.collect { it.toString() }
    def process = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
            .redirectOutput(new File(dir, 'job.log')).start()
    [name: name, dir: dir, process: process]
}
def finish = { job ->
    job.exit = job.process.waitFor()
    job.log = new File(job.dir, 'job.log').text
    job
}
def repos = new File(target, 'repos')

// The legs, two at a time, each with an empty local repository, all publishing to one file:// repository.
legs.collate(2).each { pair ->
    def jobs = pair.collect { leg ->
        start("leg-${leg}", new File(repos, "leg-${leg}"), ['verify', "-Dfashionml.modelNames=${leg}",
                '-Dfashionml.publishLegs=true', "-Dfashionml.legRepository=${legUrl}"])
    }
    jobs.collect(finish).each { job ->
        assert job.exit == 0 : "${job.name} failed:\n${job.log.readLines().takeRight(40).join('\n')}"
        def leg = job.name - 'leg-'
        assert job.log.contains("Leg ${leg}: published as io.github.fashionml.it:scale-out-legs-leg-${leg}:zip:1.0")
        assert job.log.count(': training dnn') == 1 : "${job.name} trained more than its leg"
    }
}
legs.each { leg ->
    assert new File(legRepository, "io/github/fashionml/it/scale-out-legs-leg-${leg}/1.0/scale-out-legs-leg-${leg}-1.0.zip").isFile()
}

// The gather, with another empty local repository: every leg resolved and checked, nothing trained, one report.
def gather = finish(start('gather', new File(repos, 'gather'), ['verify', 'site', '-Dfashionml.gather=true',
        "-Dfashionml.legRepository=${legUrl}"]))
assert gather.exit == 0 : "the gather failed:\n${gather.log.readLines().takeRight(40).join('\n')}"
assert gather.log.contains('Gathered 4 of 4 legs from fashion-ml-legs')
assert !gather.log.contains('Forking a JVM for training') : 'the gather trained'
assert gather.log.contains('swept: selected trial swept_seed')
def gathered = new File(gather.dir, 'target/fashion-ml')
def summary = new File(gathered, 'summary.md').text
['tiny', 'small', 'swept'].each { model ->
    assert summary.contains("| ${model} |") : "summary.md does not list ${model}"
    assert new File(gathered, "${model}/evaluation.json").isFile()
}
def index = new File(gather.dir, 'target/site/fashion-ml/index.html').text
['tiny', 'small', 'swept'].each { assert index.contains(it) }

// The same legs trained locally, in one build, have the same parameters bit for bit.
def local = finish(start('local', new File(repos, 'gather'), ['verify']))
assert local.exit == 0 : local.log.readLines().takeRight(40).join('\n')
legs.each { leg ->
    def here = json(new File(local.dir, "target/fashion-ml/${leg}/manifest.json")).outputs.parametersSha256
    def there = json(new File(gathered, "${leg}/manifest.json")).outputs.parametersSha256
    assert here == there : "${leg}: ${here} trained locally, ${there} in the matrix"
}

// A rerun of one leg publishes the same bytes again: accepted. A leg retrained from another configuration may not
// overwrite the release's artifact: refused, naming its coordinates (the repository keeps the first).
def rerun = finish(start('leg-tiny', new File(repos, 'leg-tiny'), ['verify', '-Dfashionml.modelNames=tiny',
        '-Dfashionml.publishLegs=true', "-Dfashionml.legRepository=${legUrl}"]))
assert rerun.exit == 0 : rerun.log.readLines().takeRight(30).join('\n')
def overwrite = finish(start('leg-small-changed', new File(repos, 'leg-small'), ['verify', '-Pchanged',
        '-Dfashionml.modelNames=small', '-Dfashionml.publishLegs=true', "-Dfashionml.legRepository=${legUrl}"]))
assert overwrite.exit != 0
assert overwrite.log.contains('io.github.fashionml.it:scale-out-legs-leg-small:zip:1.0 is already in the release '
        + 'repository fashion-ml-legs') && overwrite.log.contains('a release is never overwritten')
assert rerun.log.contains('Leg tiny: already published as io.github.fashionml.it:scale-out-legs-leg-tiny:zip:1.0 with '
        + 'the same fingerprint and parameters; left as it is')

// Failures, each in a fresh copy of the project sharing one more local repository.
def failing = new File(repos, 'failing')
def tinyZip = new File(legRepository, 'io/github/fashionml/it/scale-out-legs-leg-tiny/1.0/scale-out-legs-leg-tiny-1.0.zip')
def original = tinyZip.bytes
def flipped = original.clone()
flipped[flipped.length.intdiv(2)] = (byte) (flipped[flipped.length.intdiv(2)] ^ 0x01)
tinyZip.bytes = flipped
def damaged = finish(start('gather-damaged', failing, ['verify', '-Dfashionml.gather=true', "-Dfashionml.legRepository=${legUrl}"]))
assert damaged.exit != 0
assert damaged.log.contains('io.github.fashionml.it:scale-out-legs-leg-tiny:zip:1.0') : 'the damaged leg is not named'
assert !new File(damaged.dir, 'target/fashion-ml/tiny').exists() : 'a damaged leg was unpacked'
tinyZip.bytes = original

def seed2 = new File(legRepository, 'io/github/fashionml/it/scale-out-legs-leg-swept_seed2')
def aside = new File(target, 'swept_seed2-aside')
assert seed2.renameTo(aside)
def missing = finish(start('gather-missing', failing, ['verify', '-Dfashionml.gather=true', "-Dfashionml.legRepository=${legUrl}"]))
assert missing.exit != 0
assert missing.log =~ /missing from fashion-ml-legs \([^)]*\): swept_seed2 \(io\.github\.fashionml\.it:scale-out-legs-leg-swept_seed2:zip:1\.0\)/
assert !missing.log.contains('Forking a JVM for training')
assert aside.renameTo(seed2)

def stale = finish(start('gather-stale', failing, ['verify', '-Pchanged', '-Dfashionml.gather=true', "-Dfashionml.legRepository=${legUrl}"]))
assert stale.exit != 0
def staleLine = stale.log.readLines().find { it.contains('stale (trained from other inputs') }
assert staleLine != null && staleLine =~ /: small \(io\.github\.fashionml\.it:scale-out-legs-leg-small:zip:1\.0\)/
assert !(staleLine =~ /tiny \(|swept_seed1 \(|swept_seed2 \(/) : "more than the changed leg named stale: ${staleLine}"

// An empty local repository: a release once resolved is never asked for again, so only a new one reaches out.
def unreachable = finish(start('gather-unreachable', new File(repos, 'unreachable'), ['verify', '-Dfashionml.gather=true',
        '-Dfashionml.legRepository=http://127.0.0.1:9/legs']))
assert unreachable.exit != 0
assert unreachable.log.contains('Cannot read io.github.fashionml.it:scale-out-legs-leg-tiny:zip:1.0 from the leg repository fashion-ml-legs (http://127.0.0.1:9/legs)')
assert !new File(unreachable.dir, 'target/fashion-ml/tiny').exists()

// An HTTP repository on loopback (mrm-maven-plugin's hosted repository, started around the ITs): the legs, already
// trained in their jobs, publish there too, and a gather from it finds all four.
def http = binding.hasVariable('mrmUrl') ? mrmUrl?.toString() : null
if (http && http.startsWith('http')) {
    // The hosted repository outlives one build (mvn verify without clean): start it empty of these legs.
    new File(mrmHosted.toString(), 'io/github/fashionml/it').deleteDir()
    def httpLegs = "legs-http::${http}"
    legs.collate(2).each { pair ->
        pair.collect { leg ->
            start("leg-${leg}", new File(repos, "leg-${leg}"), ['verify', "-Dfashionml.modelNames=${leg}",
                    '-Dfashionml.publishLegs=true', "-Dfashionml.legRepository=${httpLegs}"])
        }.collect(finish).each { job ->
            assert job.exit == 0 : "${job.name} could not publish over HTTP:\n${job.log.readLines().takeRight(30).join('\n')}"
            assert !job.log.contains(': training dnn') : "${job.name} trained again"
        }
    }
    def httpGather = finish(start('gather-http', new File(repos, 'unreachable'), ['verify',
            '-Dfashionml.gather=true', "-Dfashionml.legRepository=${httpLegs}"]))
    assert httpGather.exit == 0 : httpGather.log.readLines().takeRight(30).join('\n')
    assert httpGather.log.contains("Gathered 4 of 4 legs from legs-http (${http})")
    println "legs published to and gathered from ${http}"
} else {
    println "no HTTP repository (mrmUrl: ${http}): legs published to file:// only"
}
true

import groovy.json.JsonSlurper

def out = new File(basedir, 'target/fashion-ml')
def json = { String path -> new JsonSlurper().parse(new File(out, path)) }
def log = new File(basedir, 'build.log').text
def trials = ['0.0005', '0.004', '0.001'].collectMany { rate -> [1, 2].collect { seed -> "dnn_lr${rate}_seed${seed}" } }

// Each trial is an ordinary model: its own folder, manifest, fingerprint and history; none read the test set.
trials.each { trial ->
    assert new File(out, "${trial}/model.zip").isFile() : "${trial} was not trained"
    def manifest = json("${trial}/manifest.json")
    assert manifest.model == trial && manifest.inputs.spec.name == trial
    assert manifest.outputs.validationAccuracy != null
    assert !new File(out, "${trial}/evaluation.json").exists() : "${trial} was evaluated on the test set"
}

// Training: four trials in the first build, none in the second, exactly the two new ones in the third.
def trained = { String trial -> log.count("${trial}: training dnn") }
assert trials.collect { trained(it) } == [1, 1, 1, 1, 1, 1] : trials.collect { "${it}: ${trained(it)}" }
assert log =~ /Sweep dnn: 4 trials \(learningRate x seed\), selected by validationAccuracy; 0 up to date, 4 to train/
assert log =~ /Sweep dnn: 4 trials \(learningRate x seed\), selected by validationAccuracy; all up to date/
assert log =~ /Sweep dnn: 6 trials \(learningRate x seed\), selected by validationAccuracy; 4 up to date, 2 to train/
assert log.contains('dnn: trial 1/4 to train (1 of 4 in the grid): dnn_lr0.0005_seed1')
assert log.contains('dnn: trial 2/2 to train (6 of 6 in the grid): dnn_lr0.001_seed2')

// The selection (of the last build's six trials): the candidate with the best mean validation accuracy, recomputed
// here from the trials' own manifests; of its seeds, the one closest to the mean.
def selection = json('dnn/selection.json')
assert selection.model == 'dnn' && selection.selectBy == 'validationAccuracy'
assert selection.parameters == ['learningRate', 'seed']
assert selection.trials*.name.sort() == trials.sort()
def means = [:]
selection.trials.each { t ->
    assert t.validationAccuracy == json("${t.name}/manifest.json").outputs.validationAccuracy
    means.computeIfAbsent(t.values.learningRate) { [] } << t.validationAccuracy
}
def best = means.max { e -> e.value.sum() / e.value.size() }.key
assert selection.candidates[0].values == [learningRate: best]
assert selection.candidates*.rank == [1, 2, 3]
assert selection.selected.values.learningRate == best
def bestMean = means[best].sum() / means[best].size()
def closest = selection.trials.findAll { it.values.learningRate == best }
        .min { Math.abs(it.validationAccuracy - bestMean) }.name
assert selection.selected.trial == closest
println "selected ${selection.selected.trial}: ${selection.selected.reason}"

// dnn is the selected trial everywhere after train: its files, its evaluation, its gate, its comparison.
def manifest = json('dnn/manifest.json')
assert manifest.model == 'dnn' && manifest.inputs.spec.name == selection.selected.trial
assert manifest.outputs.parametersSha256 == json("${selection.selected.trial}/manifest.json").outputs.parametersSha256
assert new File(out, 'dnn/model.zip').bytes == new File(out, "${selection.selected.trial}/model.zip").bytes
def evaluation = json('dnn/evaluation.json')
assert evaluation.model == 'dnn' && evaluation.count == 1000
assert json('comparison.json').models*.model == ['dnn', 'tiny']
def summary = new File(out, 'summary.md').text
assert summary =~ /\| dnn \| minAccuracy \| 0\.5000 \| accuracy 0\.\d{4} \| pass \|/

// reproduce: dnn retrains its selected trial, and a trial reproduces by its own name.
def reproduced = json('dnn/reproduce.json')
assert reproduced.reproduced == true
assert json('dnn_lr0.0005_seed2/reproduce.json').reproduced == true
true

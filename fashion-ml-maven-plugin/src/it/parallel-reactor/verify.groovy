import groovy.json.JsonSlurper

def json = new JsonSlurper()
def log = new File(basedir, 'build.log').text
assert log.contains('MultiThreadedBuilder') && log.contains('thread count of 2') : 'the first build was not parallel'
def classifiers = ['module-a': 'linux-x86_64-onednn-avx2', 'module-b': 'linux-x86_64']
classifiers.each { module, classifier ->
    ['dnn', 'small-cnn'].each { model ->
        def parallel = json.parse(new File(basedir, "${module}/target/fashion-ml/${model}/manifest.json"))
        def serial = json.parse(new File(basedir, "${module}/target/serial/${model}/manifest.json"))
        assert parallel.inputs.nd4jClassifier == classifier
        assert parallel.outputs.parametersSha256 ==~ /[0-9a-f]{64}/
        assert parallel.outputs.parametersSha256 == serial.outputs.parametersSha256 :
                "${module}/${model}: the parallel build's bits differ from the serial build's"
        assert parallel.outputs.modelSha256 == serial.outputs.modelSha256
    }
}
['dnn', 'small-cnn'].each { model ->
    def forked = json.parse(new File(basedir, "module-a/target/fashion-ml/${model}/manifest.json"))
    def inMaven = json.parse(new File(basedir, "module-a/target/in-maven/${model}/manifest.json"))
    assert forked.outputs.parametersSha256 == inMaven.outputs.parametersSha256 : "${model}: fork on and off differ"
}
// Four forked trainings (two modules, two builds); none in the third build, which ran in Maven's JVM.
assert (log =~ /Forking a JVM for training/).count == 4
// The serial build's children got the JVM arguments given as a comma-separated property.
assert log.contains('java -Xmx1g -XX:+UseSerialGC; linux-x86_64-onednn-avx2, pinned kernels)')
// The fourth build (fork off, -T 2) was refused before any training.
assert log.contains('fork is false in a parallel build (-T)')
assert !new File(basedir, 'module-a/target/refused/dnn').exists() && !new File(basedir, 'module-b/target/refused/dnn').exists()
// The children's progress reached Maven's log; in the parallel build each line names its module.
assert log.contains('[INFO] [module-a] dnn: epoch 2/2') && log.contains('[INFO] [module-b] dnn: epoch 2/2')
assert log.contains('[INFO] dnn: epoch 2/2') : 'the serial build needs no module prefix'
true

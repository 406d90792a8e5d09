import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper()
// The first reproduction matched, for both models, in a forked JVM.
assert log.contains('cnn: reproduced: 1 epoch gave the recorded parameter SHA-256')
assert log.contains('dnn: reproduced: 1 epoch gave the recorded parameter SHA-256')
assert log.contains('2 models reproduced bit for bit')
// After the alteration, the second one failed, naming the model and the epoch.
assert log.contains('Not reproduced on this machine')
assert log.contains('dnn: NOT reproduced: epoch 1 gave parameters')
assert log.contains('where 0000000000000000000000000000000000000000000000000000000000000000 was recorded')
def dnn = json.parse(new File(basedir, 'target/fashion-ml/dnn/reproduce.json'))
assert dnn.reproduced == false
assert dnn.firstDifferingEpoch == 1
assert dnn.epochsCompared == 1
assert dnn.epochs[0].recorded == '0' * 64
assert dnn.epochs[0].reproduced ==~ /[0-9a-f]{64}/
assert dnn.inputDifferences == [] : "nothing differs on the same machine: ${dnn.inputDifferences}"
def cnn = json.parse(new File(basedir, 'target/fashion-ml/cnn/reproduce.json'))
assert cnn.reproduced == true
true

import groovy.json.JsonSlurper

def json = new JsonSlurper()
def log = new File(basedir, 'build.log').text
['cnn', 'dnn', 'small-deep'].each { model ->
    def one = json.parse(new File(basedir, "target/run1/${model}/manifest.json"))
    def two = json.parse(new File(basedir, "target/run2/${model}/manifest.json"))
    assert one.outputs.parametersSha256 ==~ /[0-9a-f]{64}/
    assert one.outputs.parametersSha256 == two.outputs.parametersSha256 : "${model}: parameters differ between two clean builds"
    assert one.outputs.modelSha256 == two.outputs.modelSha256 : "${model}: model.zip bytes differ"
    assert one.fingerprint == two.fingerprint
    assert one.inputs.trainImages == 2000
    assert one.inputs.testImages == 500
    assert one.inputs.dataset['train-images'] == 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888'
    assert one.environment.javaVersion != null
    def history = json.parse(new File(basedir, "target/run1/${model}/history.json"))
    assert history.epochs.size() == one.outputs.epochsRun
    assert history.epochs.every { it.validationAccuracy > 0.3 } : "${model} did not learn: ${history.epochs}"
    assert history.epochs.every { !it.containsKey('testAccuracy') } : "training read the test set"
    assert one.inputs.validation.size == 200 : "a tenth of the 2,000 training images is held out"
    assert one.inputs.validation.indicesSha256 ==~ /[0-9a-f]{64}/
    assert history.epochs[one.outputs.bestEpoch - 1].parametersSha256 == one.outputs.parametersSha256
    assert log.contains("${model}: up to date")
    def installed = new File(localRepositoryPath, "io/github/fashionml/it/train-reproducible/1.0/train-reproducible-1.0-${model}.zip")
    assert installed.isFile() : "attached model not installed: ${installed}"
}
def deep = json.parse(new File(basedir, 'target/run1/small-deep/manifest.json'))
assert deep.inputs.spec.architecture == 'cnn-deep'
assert deep.inputs.spec.filters == [8, 16]
assert deep.inputs.spec.seed == 99
def dnn = json.parse(new File(basedir, 'target/run1/dnn/manifest.json'))
assert dnn.inputs.threads == 1
assert dnn.inputs.spec.schedule == [type: 'cosine', warmupEpochs: 0, floor: 0.1, factor: 0.0, patience: 0, monitor: null]
assert dnn.inputs.spec.earlyStopping == [monitor: 'validationAccuracy', patience: 1, minDelta: 0.0, restoreBest: true]
assert log.contains('dnn: stopped: ')

def predictions = json.parse(new File(basedir, 'target/run1/dnn/predictions.json'))
assert predictions.predictions.size() == 10000
assert predictions.predictions[0].image == 't10k-images-idx3-ubyte.gz#0'
assert predictions.predictions[0].className == 'Ankle boot'
// model.onnx: the same bytes from two clean builds, installed by the attach, and its recorded identity.
['cnn', 'dnn', 'small-deep'].each { model ->
    def one = new File(basedir, "target/run1/${model}/model.onnx")
    assert one.isFile() : "${model}: no model.onnx"
    assert one.bytes == new File(basedir, "target/run2/${model}/model.onnx").bytes : "${model}: model.onnx bytes differ"
    def installed = new File(localRepositoryPath, "io/github/fashionml/it/train-reproducible/1.0/train-reproducible-1.0-${model}.onnx")
    assert installed.isFile() && installed.bytes == one.bytes : "attached model.onnx not installed: ${installed}"
}
// ONNX Runtime, which nobody here wrote, classifies the 10,000 test images as DL4J did in the predict goal.
def env = ai.onnxruntime.OrtEnvironment.getEnvironment()
def session = env.createSession(new File(basedir, 'target/run1/dnn/model.onnx').path,
        new ai.onnxruntime.OrtSession.SessionOptions())
assert session.getMetadata().getCustomMetadata()['parametersSha256'] == dnn.outputs.parametersSha256
byte[] idx = new java.util.zip.GZIPInputStream(new FileInputStream(
        '/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz')).bytes
int count = 10000
float[] pixels = new float[count * 784]
for (int i = 0; i < pixels.length; i++) {
    pixels[i] = (float) (idx[16 + i] & 0xFF)
}
def input = ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(pixels), [count, 28, 28] as long[])
float[][] probabilities = session.run(['pixels': input]).get(0).getValue()
double worst = 0
predictions.predictions.eachWithIndex { p, i ->
    float[] row = probabilities[i]
    int best = (0..<10).max { row[it] }
    assert best == p.label : "image ${i}: ONNX Runtime says ${best}, DL4J ${p.label}"
    (0..<10).each { worst = Math.max(worst, Math.abs(row[it] - p.probabilities[it])) }
}
assert worst <= 1e-4 : "ONNX Runtime's probabilities differ from DL4J's by ${worst}"
println "ONNX Runtime agrees with DL4J on ${count} images; largest probability difference ${worst}"

// Under every Maven the ITs run with (3.8, 3.9, 4): no plugin validation issue, no deprecation naming the plugin.
assert !(log =~ /(?i)plugin validation issues/) : 'Maven reported plugin validation issues'
assert !(log =~ /(?i)fashion-ml[^\n]*deprecat/) : 'a deprecation warning names the plugin'
true

import groovy.json.JsonSlurper

def names = ['top', 'trouser', 'pullover', 'dress']
def (train, test) = new File(basedir, 'counts.txt').text.split(' ').collect { it as int }
def out = new File(basedir, 'target/fashion-ml')
def json = { String path -> new JsonSlurper().parse(new File(out, path)) }

// What fetch-data recorded: the set's own classes, size and files.
def dataset = json('dataset.json')
assert dataset.dataset == 'mini'
assert dataset.classNames == names
assert dataset.imageShape == [height: 20, width: 20, channels: 1]
assert dataset.files['train-images'].path.endsWith('emnist-mini-train-images-idx3-ubyte.gz')
assert dataset.files['test-images'].path.endsWith('test-images-idx3-ubyte')

['dnn', 'small-cnn'].each { model ->
    def evaluation = json("${model}/evaluation.json")
    assert evaluation.classes*.name == names : "${model}: ${evaluation.classes*.name}"
    assert evaluation.count == test
    assert evaluation.accuracy >= 0.7
    // The ONNX export takes the set's 20x20 images and gives four probabilities.
    def env = ai.onnxruntime.OrtEnvironment.getEnvironment()
    def session = env.createSession(new File(out, "${model}/model.onnx").path, new ai.onnxruntime.OrtSession.SessionOptions())
    def meta = session.getMetadata().getCustomMetadata()
    assert meta['imageSize'] == '20x20' && meta['colorMode'] == 'grayscale'
    assert new JsonSlurper().parseText(meta['classNames']) == names
    assert session.getInputInfo()['pixels'].getInfo().getShape() as List == [-1L, 20L, 20L]
    assert session.getOutputInfo()['probabilities'].getInfo().getShape() as List == [-1L, 4L]
}

// predict on the set's own test file, and ONNX Runtime on the same images: the same class for every image.
def predictions = json('dnn/predictions.json').predictions
assert predictions.size() == test
assert predictions.every { it.probabilities.size() == 4 && names.contains(it.className) }
byte[] idx = new File(basedir, 'data/mini/test-images-idx3-ubyte').bytes
float[] pixels = new float[test * 400]
for (int i = 0; i < pixels.length; i++) {
    pixels[i] = (float) (idx[16 + i] & 0xFF)
}
def env = ai.onnxruntime.OrtEnvironment.getEnvironment()
def session = env.createSession(new File(out, 'dnn/model.onnx').path, new ai.onnxruntime.OrtSession.SessionOptions())
def input = ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(pixels), [test, 20, 20] as long[])
float[][] probabilities = session.run(['pixels': input]).get(0).getValue()
double worst = 0
predictions.eachWithIndex { p, i ->
    float[] row = probabilities[i]
    assert (0..<4).max { row[it] } == p.label : "image ${i}: ONNX Runtime and DL4J disagree"
    (0..<4).each { worst = Math.max(worst, Math.abs(row[it] - p.probabilities[it])) }
}
assert worst <= 1e-4 : "ONNX Runtime's probabilities differ from DL4J's by ${worst}"

// The report names the set's classes and shows its 20x20 images.
def report = new File(basedir, 'target/site/fashion-ml/index.html')
assert report.isFile()
def html = report.text
names.each { assert html.contains(it) : "the report does not name class ${it}" }
def tile = new File(basedir, 'target/site/fashion-ml/images/samples').listFiles()?.find { it.name.endsWith('.png') }
assert tile != null : 'no sample image in the report'
def png = javax.imageio.ImageIO.read(tile)
assert png.width == 20 && png.height == 20

def log = new File(basedir, 'build.log').text
assert log.contains("IDX data set 'mini': 20x20 grey images, 4 classes [top, trouser, pullover, dress]")
assert log =~ /dnn: training dnn \(dense512-dense256-softmax4\)/
true

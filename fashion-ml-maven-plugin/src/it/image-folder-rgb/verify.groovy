import groovy.json.JsonSlurper
import javax.imageio.ImageIO

def out = new File(basedir, 'target/fashion-ml')
def json = { String path -> new JsonSlurper().parse(new File(out, path)) }
def log = new File(basedir, 'build.log').text

// 1: the text file named .png fails the build, named, with the fix; 2: skipped and listed; 3: <imageSize> asked for.
assert log =~ /with-corrupt\/green\/broken\.png.*onCorrupt>skip/ : 'the corrupt file was not named with the fix'
assert log =~ /Left out 1 image that cannot be decoded \(<onCorrupt>skip<\/onCorrupt>\): green\/broken\.png/
assert log.contains('<imageSize>') && log =~ /have 2 sizes/ : 'images of two sizes did not ask for <imageSize>'

// 3: RGB (the default: the images are in colour), resized to 24x32, classes in natural order.
def dataset = json('dataset.json')
assert dataset.classNames == ['blue', 'green', 'red']
assert dataset.imageShape == [height: 24, width: 32, channels: 3]
assert dataset.decoding.colorMode == 'rgb' && dataset.decoding.height == 24 && dataset.decoding.width == 32
// Four dimensions [N, 24, 32, 3] after a 20-byte header; the split by content hash puts about a quarter in test.
int trainCount = (dataset.files['train-images'].size - 20) / (24 * 32 * 3)
int testCount = (dataset.files['test-images'].size - 20) / (24 * 32 * 3)
assert trainCount * 24 * 32 * 3 + 20 == dataset.files['train-images'].size
assert trainCount + testCount == 301
assert testCount >= 45 && testCount <= 105 : "a test fraction of 0.25 put ${testCount} of 300 images in test"
assert log.contains("Image folder data set 'squares': 24x32 RGB images, 3 classes [blue, green, red]")

// The squares differ only in colour: in grey they are alike, so a network that saw one channel stays near chance
// (1/3). Well above it means the networks saw the three channels.
['dnn', 'small-cnn'].each { model ->
    def evaluation = json("${model}/evaluation.json")
    assert evaluation.count == testCount
    assert evaluation.classes*.name == ['blue', 'green', 'red']
    assert evaluation.accuracy >= 0.7 : "${model} did not learn the colours: ${evaluation.accuracy}"
    println "${model}: test accuracy ${evaluation.accuracy} on ${testCount} images"
    assert new File(out, "${model}/model.onnx").length() > 0
}

// The report says what the folder held besides usable images: the hidden file, the image under two classes.
def index = new File(basedir, 'target/site/fashion-ml/index.html').text
assert index.contains('Skipped 1 hidden file') : 'the report does not list the skipped hidden file'
assert index =~ /1 image under two or more classes[^<]*red\/0\.png/ : 'the report does not list the duplicate'
assert dataset.folder.duplicates.size() == 1

// The report's galleries are in colour: a sample image has three colour channels.
def samples = new File(basedir, 'target/site/fashion-ml/images/samples').listFiles().findAll { it.name.endsWith('.png') }
assert !samples.isEmpty()
def sample = ImageIO.read(samples[0])
assert sample.colorModel.numColorComponents == 3 && sample.width == 32 && sample.height == 24

// 4: new 60x80 photos, decoded and resized as the folder's images were, classified by their colour.
def predicted = json('small-cnn/predictions.json').predictions
assert predicted*.image == ['blue.png', 'green.png', 'red.png']
assert predicted.every { ['blue', 'green', 'red'].contains(it.className) && it.probabilities.size() == 3 }
// Channels read in the wrong order (BGR) would swap red and blue: at most one of the three right.
def right = predicted.count { it.image == "${it.className}.png" }
println "predict: ${predicted*.className} for ${predicted*.image}"
assert right >= 2 : "predict got ${right} of 3 photos right: ${predicted*.className}"
true

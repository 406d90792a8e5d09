import groovy.json.JsonSlurper

def names = ['T-shirt_top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle_boot']
def out = new File(basedir, 'target/fashion-ml')
def json = { String path -> new JsonSlurper().parse(new File(out, path)) }

// What fetch-data recorded: the folder's classes in the configured order, its images' own size, and IDX files
// decoded into the IT's cache.
def dataset = json('dataset.json')
assert dataset.dataset == 'clothes'
assert dataset.classNames == names
assert dataset.imageShape == [height: 28, width: 28, channels: 1]
assert dataset.digest ==~ /[0-9a-f]{64}/
def cache = new File(basedir, 'target/fashion-ml-cache/folders').canonicalPath
dataset.files.each { key, file ->
    assert new File(file.path).canonicalPath.startsWith(cache) : "${key} is not in the cache: ${file.path}"
    assert file.source.startsWith('image folder ') && file.source.endsWith('clothes')
    assert new File(file.path).length() == file.size
}
// 3,000 training images of 28x28 after a 16-byte header; 1,000 labels after an 8-byte one.
assert dataset.files['train-images'].size == 16 + 3000 * 784
assert dataset.files['test-labels'].size == 8 + 1000

def evaluation = json('dnn/evaluation.json')
assert evaluation.classes*.name == names : "${evaluation.classes*.name}"
assert evaluation.count == 1000
assert evaluation.accuracy >= 0.6 : "dnn learnt little: ${evaluation.accuracy}"

def log = new File(basedir, 'build.log').text
// The hidden entries: .DS_Store, ._0.png and the .ipynb_checkpoints folder.
assert log.contains('skipped 3 hidden files or folders') : 'no log line counting the skipped hidden entries'
assert log.contains("Image folder data set 'clothes': 28x28 grey images, 10 classes [${names.join(', ')}]")
// The first build decodes the 4,000 images; the second reads none, decodes none and trains nothing.
assert log.count('Decoded 4,000 images of ') == 1
assert log.count(': nothing to decode, using ') == 1
assert log.contains('read 0 files')
assert log.count('dnn: up to date') == 1
assert log.indexOf('Decoded 4,000 images of ') < log.indexOf(': nothing to decode, using ')

// How the folder's images were decoded is recorded, and predict decodes new photos of another size the same way.
assert dataset.decoding.height == 28 && dataset.decoding.width == 28
def predicted = json('dnn/predictions.json').predictions
assert predicted*.image == (0..<5).collect { "photo-${it}.png" }
assert predicted.every { names.contains(it.className) && it.probabilities.size() == 10 }

// The IDX route to the same images with the same recipe reaches the same test accuracy (within 0.005): decoding
// the PNGs loses nothing, and the folder's order is the order the IDX files were written in.
['dnn', 'small-cnn'].each { model ->
    def viaFolder = json("${model}/evaluation.json")
    def viaIdx = new JsonSlurper().parse(new File(basedir, "target/idx-route/${model}/evaluation.json"))
    assert viaIdx.count == viaFolder.count
    assert Math.abs(viaIdx.accuracy - viaFolder.accuracy) <= 0.005 : "${model}: ${viaFolder.accuracy} from the folder, ${viaIdx.accuracy} from IDX"
    def folderParams = json("${model}/manifest.json").outputs.parametersSha256
    def idxParams = new JsonSlurper().parse(new File(basedir, "target/idx-route/${model}/manifest.json")).outputs.parametersSha256
    println "${model}: test accuracy ${viaFolder.accuracy} from the folder, ${viaIdx.accuracy} from IDX; parameters ${folderParams == idxParams ? 'identical' : 'differ'}"
    // Stronger than the accuracy: the same samples in the same order train the same bits.
    assert folderParams == idxParams : "${model}: the folder and IDX routes trained different parameters"
}
true

// A folder of labelled images: the first 3,000 training and 1,000 test images of Fashion-MNIST as 28x28 grey PNGs in
// data/clothes/{train,test}/<class>/<i>.png, class folders named after Fashion-MNIST's classes made file-safe; plus
// the hidden entries a Mac and Jupyter leave behind, which the index must skip.
import javax.imageio.ImageIO
import java.awt.image.BufferedImage
import java.nio.file.Files
import java.nio.file.attribute.FileTime
import java.time.Instant

def source = '/usr/share/datasets/fashion-mnist'
def read = { name -> new java.util.zip.GZIPInputStream(new FileInputStream("${source}/${name}")).bytes }
def names = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']
        .collect { it.replaceAll('[^A-Za-z0-9-]', '_') }
def root = new File(basedir, 'data/clothes')
// An old mtime: the folder index re-reads files modified just before it ran (they are "racy"), and this IT checks
// that an unchanged folder is not read at all.
def old = FileTime.from(Instant.parse('2024-01-02T03:04:05Z'))
def write = { String split, byte[] idx, byte[] labels, int count ->
    for (int i = 0; i < count; i++) {
        def image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY)
        def raster = image.raster
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                raster.setSample(x, y, 0, idx[16 + i * 784 + y * 28 + x] & 0xFF)
            }
        }
        def file = new File(root, "${split}/${names[labels[8 + i] & 0xFF]}/${i}.png")
        file.parentFile.mkdirs()
        ImageIO.write(image, 'png', file)
        Files.setLastModifiedTime(file.toPath(), old)
    }
}
def trainImages = read('train-images-idx3-ubyte.gz')
def trainLabels = read('train-labels-idx1-ubyte.gz')
def testImages = read('t10k-images-idx3-ubyte.gz')
def testLabels = read('t10k-labels-idx1-ubyte.gz')
write('train', trainImages, trainLabels, 3000)
write('test', testImages, testLabels, 1000)

// The IDX route to the same images, in the order the folder gives them (class by class, files in natural order):
// the same recipe must reach the same accuracy on both.
def idxRoute = new File(basedir, 'data/same-as-idx')
idxRoute.mkdirs()
def writeIdx = { String prefix, byte[] idx, byte[] labels, int count ->
    def order = (0..<count).toList().sort { a, b -> (labels[8 + a] & 0xFF) <=> (labels[8 + b] & 0xFF) ?: a <=> b }
    def images = new ByteArrayOutputStream()
    def header = new DataOutputStream(images)
    header.writeInt(0x803); header.writeInt(count); header.writeInt(28); header.writeInt(28)
    def kept = new ByteArrayOutputStream()
    def labelHeader = new DataOutputStream(kept)
    labelHeader.writeInt(0x801); labelHeader.writeInt(count)
    order.each { i ->
        images.write(idx, 16 + i * 784, 784)
        kept.write(labels[8 + i] & 0xFF)
    }
    new File(idxRoute, "${prefix}-images-idx3-ubyte").bytes = images.toByteArray()
    new File(idxRoute, "${prefix}-labels-idx1-ubyte").bytes = kept.toByteArray()
}
// New photos for predict, twice the data set's size: decoded and resized as the folder's images were.
def photos = new File(basedir, 'data/new-photos')
photos.mkdirs()
for (int i = 0; i < 5; i++) {
    def image = new BufferedImage(56, 56, BufferedImage.TYPE_BYTE_GRAY)
    for (int y = 0; y < 56; y++) {
        for (int x = 0; x < 56; x++) {
            image.raster.setSample(x, y, 0, testImages[16 + i * 784 + (y >> 1) * 28 + (x >> 1)] & 0xFF)
        }
    }
    ImageIO.write(image, 'png', new File(photos, "photo-${i}.png"))
}

writeIdx('train', trainImages, trainLabels, 3000)
writeIdx('t10k', testImages, testLabels, 1000)

new File(root, '.DS_Store').bytes = 'Bud1'.bytes
def appleDouble = new File(root, 'train/T-shirt_top/._0.png')
appleDouble.bytes = new byte[4096]
def checkpoint = new File(root, 'train/Trouser/.ipynb_checkpoints/1-checkpoint.png')
checkpoint.parentFile.mkdirs()
Files.copy(new File(root, 'train/Trouser').listFiles().find { it.name.endsWith('.png') }.toPath(), checkpoint.toPath())
[new File(root, '.DS_Store'), appleDouble, checkpoint].each { Files.setLastModifiedTime(it.toPath(), old) }
true

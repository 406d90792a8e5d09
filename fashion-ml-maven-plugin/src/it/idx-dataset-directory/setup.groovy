// An IDX data set that is not Fashion-MNIST's shape: 20x20 crops of its first images of classes 0-3 (four
// classes), in files named as EMNIST names them, the test set spelled "test", one file left uncompressed.
def source = '/usr/share/datasets/fashion-mnist'
def read = { name -> new java.util.zip.GZIPInputStream(new FileInputStream("${source}/${name}")).bytes }
def dir = new File(basedir, 'data/mini')
dir.mkdirs()
def header = { int magic, List<Integer> dims ->
    def out = new ByteArrayOutputStream()
    def data = new DataOutputStream(out)
    data.writeInt(magic)
    dims.each { data.writeInt(it) }
    out.toByteArray()
}
def write = { String images, String labels, byte[] idx, byte[] idxLabels, int limit, boolean gzip ->
    def pixels = new ByteArrayOutputStream()
    def kept = new ByteArrayOutputStream()
    for (int i = 0; i < limit; i++) {
        int label = idxLabels[8 + i] & 0xFF
        if (label < 4) {
            for (int y = 4; y < 24; y++) {
                pixels.write(idx, 16 + i * 784 + y * 28 + 4, 20)
            }
            kept.write(label)
        }
    }
    int n = kept.size()
    def imageOut = new ByteArrayOutputStream()
    imageOut.write(header(0x803, [n, 20, 20]))
    imageOut.write(pixels.toByteArray())
    def labelOut = new ByteArrayOutputStream()
    labelOut.write(header(0x801, [n]))
    labelOut.write(kept.toByteArray())
    byte[] imageFile = imageOut.toByteArray()
    byte[] labelFile = labelOut.toByteArray()
    if (gzip) {
        new java.util.zip.GZIPOutputStream(new FileOutputStream(new File(dir, images + '.gz'))).withCloseable { it.write(imageFile) }
    } else {
        new File(dir, images).bytes = imageFile
    }
    new File(dir, labels).bytes = labelFile
    n
}
int train = write('emnist-mini-train-images-idx3-ubyte', 'emnist-mini-train-labels-idx1-ubyte',
        read('train-images-idx3-ubyte.gz'), read('train-labels-idx1-ubyte.gz'), 6000, true)
int test = write('test-images-idx3-ubyte', 'test-labels-idx1-ubyte',
        read('t10k-images-idx3-ubyte.gz'), read('t10k-labels-idx1-ubyte.gz'), 2000, false)
new File(basedir, 'counts.txt').text = "${train} ${test}"
true

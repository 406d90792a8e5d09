// The four files come from the Debian package, verified, and dataset.json records it.
def log = new File(basedir, 'build.log').text
['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'].each {
    assert log.contains("${it}: Debian/Ubuntu package directory /usr/share/datasets/fashion-mnist") : "no source line for ${it}"
}
assert log.contains('SHA-256 c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888 verified')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/fashion-ml/dataset.json'))
assert json.dataset == 'fashion-mnist'
assert json.files['train-images'].sha256 == 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888'
assert json.files['t10k-labels'] == null
assert json.files['test-labels'].path == '/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz'
assert !new File(basedir, 'target/fashion-ml-cache/fashion-mnist/train-images-idx3-ubyte.gz').exists() : 'a local source is not copied'
true

context.get('server').stop(0)
def log = new File(basedir, 'build.log').text
assert log.contains('Downloading http://127.0.0.1:')
assert log.contains('train-images-idx3-ubyte.gz: downloaded from http://127.0.0.1:')
assert log.contains('SHA-256 c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888 verified')
def cache = new File(basedir, 'target/fashion-ml-cache/fashion-mnist')
['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'].each {
    assert new File(cache, it).isFile() : "${it} not cached"
}
assert cache.listFiles().findAll { it.name.endsWith('.part') }.isEmpty() : 'temporary files left in the cache'
assert context.get('requests').size() == 4
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/fashion-ml/dataset.json'))
assert json.files['train-images'].origin.endsWith('/fashion/train-images-idx3-ubyte.gz')
true

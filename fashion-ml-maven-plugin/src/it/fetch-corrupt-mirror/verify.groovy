context.get('server').stop(0)
def log = new File(basedir, 'build.log').text
assert log.contains('Fashion-MNIST is not available')
assert log.contains('checksum mismatch')
assert log.contains('expected c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888')
assert log.contains('the download was discarded')
def cache = new File(basedir, 'target/fashion-ml-cache/fashion-mnist')
def left = cache.exists() ? cache.listFiles().findAll { it.isFile() && !it.name.endsWith('.lock') } : []
assert left.isEmpty() : "nothing may be cached from a corrupt mirror, found ${left}"
assert !new File(basedir, 'target/fashion-ml/dataset.json').exists()
true

// Serve the Debian package's files over HTTP on 127.0.0.1; the port goes to the build as a user property.
import com.sun.net.httpserver.HttpServer

def dir = new File('/usr/share/datasets/fashion-mnist')
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
def requests = Collections.synchronizedList([])
server.createContext('/fashion/') { exchange ->
    def name = exchange.requestURI.path - '/fashion/'
    requests << name
    def file = new File(dir, name)
    if (name.contains('/') || !file.isFile()) {
        exchange.sendResponseHeaders(404, -1)
    } else {
        exchange.sendResponseHeaders(200, file.length())
        exchange.responseBody.withStream { out -> file.withInputStream { out << it } }
    }
    exchange.close()
}
server.start()
context.put('server', server)
context.put('requests', requests)
context.get('userProperties').put('fashionml.mirrors', "http://127.0.0.1:${server.address.port}/fashion/".toString())
true

// A mirror whose every file is a well-formed gzip of the wrong contents.
import com.sun.net.httpserver.HttpServer
import java.util.zip.GZIPOutputStream

def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/fashion/') { exchange ->
    def bytes = new ByteArrayOutputStream()
    new GZIPOutputStream(bytes).withStream { it.write(([0, 0, 8, 1, 0, 0, 0, 2, 3, 4] as byte[])) }
    def body = bytes.toByteArray()
    exchange.sendResponseHeaders(200, body.length)
    exchange.responseBody.withStream { it.write(body) }
    exchange.close()
}
server.start()
context.put('server', server)
context.get('userProperties').put('fashionml.mirrors', "http://127.0.0.1:${server.address.port}/fashion/".toString())
true

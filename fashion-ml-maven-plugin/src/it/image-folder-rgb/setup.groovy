// Three classes of coloured squares on grey noise, 100 images each, in data/squares/<class>/<i>.png (no test/
// folder): red (97,0,0), green (0,49,0) and blue (0,0,255) all have a BT.601 luma of 29, so a grey image cannot
// tell them apart. Half the images are 30x40, half 36x48 (height x width): <imageSize> must be set.
// data/with-corrupt holds the first 10 of each class and broken.png, which is text.
import javax.imageio.ImageIO
import java.awt.image.BufferedImage

def colours = [red: [97, 0, 0], green: [0, 49, 0], blue: [0, 0, 255]]
def random = new Random(42)
def square = { int height, int width, List<Integer> rgb ->
    def image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR)
    def raster = image.raster
    int side = height.intdiv(2)
    int top = random.nextInt(height - side)
    int left = random.nextInt(width - side)
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
            boolean inside = y >= top && y < top + side && x >= left && x < left + side
            int noise = 100 + random.nextInt(56)
            raster.setPixel(x, y, (inside ? rgb : [noise, noise, noise]) as int[])
        }
    }
    image
}
def root = new File(basedir, 'data/squares')
def withCorrupt = new File(basedir, 'data/with-corrupt')
colours.each { name, rgb ->
    for (int i = 0; i < 100; i++) {
        def image = i % 2 == 0 ? square(30, 40, rgb) : square(36, 48, rgb)
        def file = new File(root, "${name}/${i}.png")
        file.parentFile.mkdirs()
        ImageIO.write(image, 'png', file)
        if (i < 10) {
            def copy = new File(withCorrupt, "${name}/${i}.png")
            copy.parentFile.mkdirs()
            copy.bytes = file.bytes
        }
    }
}
// A Mac's hidden file and one image filed under two classes: skipped and reported, not refused.
new File(root, '.DS_Store').bytes = 'Bud1'.bytes
new File(root, 'green/dup.png').bytes = new File(root, 'red/0.png').bytes
new File(withCorrupt, 'green/broken.png').text = 'not a PNG: a text file with the wrong extension'

// New photos for predict, 60x80: one of each colour.
def photos = new File(basedir, 'data/new-photos')
photos.mkdirs()
colours.each { name, rgb -> ImageIO.write(square(60, 80, rgb), 'png', new File(photos, "${name}.png")) }
true

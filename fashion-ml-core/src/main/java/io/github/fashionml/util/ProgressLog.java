package io.github.fashionml.util;

/** Where the core reports progress and warnings: the Maven log in the plugin, standard error elsewhere. */
public interface ProgressLog {
    void info(String message);

    void warn(String message);

    /** Reports to standard error, for use from a {@code main} or a test. */
    static ProgressLog standardError() {
        return new ProgressLog() {
            @Override
            public void info(String message) {
                System.err.println("[fashion-ml] " + message);
            }

            @Override
            public void warn(String message) {
                System.err.println("[fashion-ml] WARNING: " + message);
            }
        };
    }

    /** Prints each message to standard output at once, warnings marked: the log of a child process. */
    static ProgressLog standardOutput(String warningPrefix) {
        return new ProgressLog() {
            @Override
            public void info(String message) {
                System.out.println(message);
                System.out.flush();
            }

            @Override
            public void warn(String message) {
                info(warningPrefix + message.replace("\n", "\n" + warningPrefix));
            }
        };
    }

    /** Adds every message, warnings too, to {@code lines}. */
    static ProgressLog into(java.util.List<String> lines) {
        return new ProgressLog() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add(message);
            }
        };
    }

    /** Discards everything. */
    static ProgressLog silent() {
        return new ProgressLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
    }

    /** A time left, as progress lines print it: {@code 45s}, {@code 3m07s}, {@code 1h02m}. */
    static String shortDuration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(java.util.Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(java.util.Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}

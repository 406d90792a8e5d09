package io.github.fashionml.data.source;

/**
 * A user name and password for a mirror that asks for them (HTTP Basic or Digest), as a Maven
 * {@code settings.xml} {@code <server>} gives them; the plugin asks Maven, which decrypts them.
 */
public record MirrorCredentials(String serverId, String username, String password) {

    @Override
    public String toString() {
        // Never the password: this goes to the log.
        return "server '" + serverId + "' (user " + username + ")";
    }
}

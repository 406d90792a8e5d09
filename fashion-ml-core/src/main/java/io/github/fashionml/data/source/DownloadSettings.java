package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user configures about downloads, turned into the mirrors {@link FetchOptions} lists. A server's
 * credentials go only to the user's own mirrors, only over https: never to the public {@link Mirror#DEFAULTS},
 * which are used when no mirror is configured.
 *
 * @param download          false keeps the fetch to local sources (no mirror at all)
 * @param mirrors           the configured base URLs, or null/empty for the public defaults
 * @param allowInsecureHttp accept {@code http://} mirrors (downloads are verified by SHA-256 either way)
 * @param serverId          the server whose credentials the configured mirrors get, or null/blank for none
 */
public record DownloadSettings(boolean download, List<String> mirrors, boolean allowInsecureHttp, String serverId) {

    public DownloadSettings {
        mirrors = mirrors == null ? List.of()
                : mirrors.stream().filter(m -> m != null && !m.isBlank()).map(String::trim).toList();
        serverId = serverId == null || serverId.isBlank() ? null : serverId.trim();
    }

    /**
     * The mirrors to download from, in order, each with its proxy and, for the user's own mirrors when a server is
     * named, that server's credentials; none when downloads are off. The serverId is checked even then, so a
     * setting that could never work fails now rather than the day downloads are turned on.
     */
    public List<Mirror> resolve(MirrorAccess access) throws ConfigurationException {
        if (serverId != null && mirrors.isEmpty()) {
            throw new ConfigurationException("serverId '" + serverId + "' is set, but no <mirrors>: the credentials "
                    + "are for your own mirror and never go to the public default ones. List it in <mirrors>, or "
                    + "leave serverId unset.");
        }
        if (!download) {
            return List.of();
        }
        List<Mirror> parsed = Mirror.parseAll(mirrors.isEmpty() ? Mirror.DEFAULTS : mirrors, allowInsecureHttp);
        if (serverId != null && parsed.stream().allMatch(Mirror::isPublicDefault)) {
            throw new ConfigurationException("serverId '" + serverId + "' is set, but <mirrors> lists only public "
                    + "default mirrors, which never get credentials. List your own mirror in <mirrors>, or leave "
                    + "serverId unset.");
        }
        List<Mirror> resolved = new ArrayList<>();
        for (Mirror mirror : parsed) {
            Mirror reached = mirror.withProxy(access.proxyFor(mirror.base()));
            if (serverId != null && !mirror.isPublicDefault()) {
                if (!"https".equalsIgnoreCase(mirror.base().getScheme())) {
                    throw new ConfigurationException("serverId '" + serverId + "' would send its password to "
                            + mirror + " in clear text. Use the mirror's https:// address, or leave serverId unset.");
                }
                reached = reached.withCredentials(access.credentialsFor(serverId, mirror.base()));
            }
            resolved.add(reached);
        }
        return List.copyOf(resolved);
    }
}

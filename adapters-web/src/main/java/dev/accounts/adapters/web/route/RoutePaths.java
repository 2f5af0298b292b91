package dev.accounts.adapters.web.route;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The path a request is routed by: percent-decoded and without {@code ;matrix} parameters, as Spring's
 * path patterns match it. A filter that guards an endpoint must compare this path, not the raw one:
 * {@code /users/register;x} and {@code /users/registe%72} reach the registration handler too.
 */
public final class RoutePaths {

    private RoutePaths() {
    }

    public static String of(ServerHttpRequest request) {
        StringBuilder path = new StringBuilder();
        for (PathContainer.Element element : request.getPath().pathWithinApplication().elements()) {
            path.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : element.value());
        }
        return path.toString();
    }
}

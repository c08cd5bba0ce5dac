package io.sinter.rest.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Compares the routes the server has (JAX-RS annotations of the resources in {@code io.sinter.rest.internal})
 * with the routes {@code openapi.yaml} lists. A route is {@code "METHOD path"}: the path without leading
 * or trailing slash, lower case, literal alternatives of a path parameter's regex
 * ({@code {kind: storageconnections|manifestconnections}}) expanded into one route each, and every other
 * path parameter written {@code {}} so that names do not matter.
 *
 * <p>{@link OpenApiRoutesTest} fails on any difference. {@link #main} prints the difference without
 * failing anything; {@code rest-bundle/openapi-routes.sh} compiles and runs it.
 */
public final class OpenApiRoutes {
    /** Operation keys of an OpenAPI path item. */
    static final Set<String> OPENAPI_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String PACKAGE = "io.sinter.rest.internal";
    private static final Pattern LITERAL_ALTERNATIVES = Pattern.compile("[A-Za-z0-9._~-]+(\\|[A-Za-z0-9._~-]+)*");

    private OpenApiRoutes() {
    }

    /** The difference between server and document. */
    record Diff(Set<String> server, Set<String> documented, Set<String> missingFromDocument, Set<String> notOnServer) {
        boolean empty() {
            return missingFromDocument.isEmpty() && notOnServer.isEmpty();
        }

        String report() {
            StringBuilder out = new StringBuilder();
            out.append(server.size()).append(" server routes, ").append(documented.size()).append(" documented routes\n");
            out.append("Routes the server has that openapi.yaml does not list (").append(missingFromDocument.size()).append("):\n");
            missingFromDocument.forEach(r -> out.append("  + ").append(r).append('\n'));
            out.append("Routes openapi.yaml lists that the server lacks (").append(notOnServer.size()).append("):\n");
            notOnServer.forEach(r -> out.append("  - ").append(r).append('\n'));
            return out.toString();
        }
    }

    static Diff diff() throws IOException {
        Set<String> server = serverRoutes(resourceClasses());
        Set<String> documented = documentedRoutes(OpenApiResource.read());
        Set<String> missing = new TreeSet<>(server);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(server);
        return new Diff(server, documented, missing, extra);
    }

    // ------------------------------------------------------------------ the server's routes

    /** @return every class of {@value #PACKAGE} (and below) that carries a JAX-RS {@code @Path} */
    static List<Class<?>> resourceClasses() throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames()) {
            Class<?> type;
            try {
                type = Class.forName(name, false, OpenApiRoutes.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name, e);
            }
            if (type.isAnnotationPresent(Path.class)) {
                classes.add(type);
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no JAX-RS resource found in " + PACKAGE);
        }
        return classes;
    }

    /** @return the names of the main classes of {@value #PACKAGE}, read from where {@link HealthResource} was loaded */
    private static List<String> classNames() throws IOException {
        URL location = HealthResource.class.getProtectionDomain().getCodeSource().getLocation();
        String folder = PACKAGE.replace('.', '/');
        List<String> names = new ArrayList<>();
        java.nio.file.Path root;
        try {
            root = Paths.get(location.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(root)) {
            try (Stream<java.nio.file.Path> files = Files.walk(root.resolve(folder))) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                    String relative = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                    names.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
                });
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                    String entry = entries.nextElement().getName();
                    if (entry.startsWith(folder + "/") && entry.endsWith(".class")) {
                        names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** @return the normalised routes of the root resource classes, following sub-resource locators */
    static Set<String> serverRoutes(List<Class<?>> rootResources) {
        Set<String> routes = new TreeSet<>();
        for (Class<?> type : rootResources) {
            collect(type, type.getAnnotation(Path.class).value(), routes, new HashSet<>());
        }
        return routes;
    }

    private static void collect(Class<?> type, String prefix, Set<String> routes, Set<Class<?>> visiting) {
        if (!visiting.add(type)) {
            return; // a locator cycle: its routes are collected once
        }
        for (Method method : type.getMethods()) {
            if (method.isBridge() || method.isSynthetic() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method annotated = annotatedVersion(method);
            if (annotated == null) {
                continue;
            }
            Path path = annotated.getAnnotation(Path.class);
            String template = path == null ? prefix : prefix + "/" + path.value();
            List<String> verbs = httpMethods(annotated);
            if (!verbs.isEmpty()) {
                for (String verb : verbs) {
                    for (String p : normalise(template)) {
                        routes.add(verb + " " + p);
                    }
                }
            } else if (path != null) {
                Class<?> subResource = method.getReturnType();
                if (subResource == Object.class || subResource == Class.class) {
                    for (String p : normalise(template)) {
                        routes.add("LOCATOR " + p); // cannot be followed statically; shows up in the diff
                    }
                } else {
                    collect(subResource, template, routes, visiting);
                }
            }
        }
        visiting.remove(type);
    }

    /** @return {@code method} or the overridden declaration that carries its JAX-RS annotations (JAX-RS 3.1 section 3.6), or null */
    private static Method annotatedVersion(Method method) {
        if (isJaxRs(method)) {
            return method;
        }
        List<Class<?>> supertypes = new ArrayList<>();
        if (method.getDeclaringClass().getSuperclass() != null) {
            supertypes.add(method.getDeclaringClass().getSuperclass());
        }
        supertypes.addAll(List.of(method.getDeclaringClass().getInterfaces()));
        for (Class<?> supertype : supertypes) {
            try {
                Method inherited = annotatedVersion(supertype.getMethod(method.getName(), method.getParameterTypes()));
                if (inherited != null) {
                    return inherited;
                }
            } catch (NoSuchMethodException notDeclaredThere) {
                // try the next supertype
            }
        }
        return null;
    }

    private static boolean isJaxRs(Method method) {
        return method.isAnnotationPresent(Path.class) || !httpMethods(method).isEmpty();
    }

    private static List<String> httpMethods(Method method) {
        List<String> verbs = new ArrayList<>();
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                verbs.add(verb.value().toUpperCase(Locale.ROOT));
            }
        }
        return verbs;
    }

    // ------------------------------------------------------------------ the document's routes

    /** @return the normalised {@code "METHOD path"} pairs of the document's {@code paths} */
    @SuppressWarnings("unchecked")
    static Set<String> documentedRoutes(String yaml) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        if (paths == null) {
            throw new IllegalStateException("openapi.yaml has no paths");
        }
        Set<String> routes = new TreeSet<>();
        paths.forEach((path, item) -> {
            for (String key : ((Map<String, Object>) item).keySet()) {
                if (OPENAPI_METHODS.contains(key.toLowerCase(Locale.ROOT))) {
                    for (String p : normalise(path)) {
                        routes.add(key.toUpperCase(Locale.ROOT) + " " + p);
                    }
                }
            }
        });
        return routes;
    }

    // ------------------------------------------------------------------ normalisation

    /**
     * @return the normalised paths a JAX-RS or OpenAPI path template stands for: literal alternatives of a
     *         parameter's regex expanded, other parameters written {@code {}}, no leading, trailing or double
     *         slash, lower case
     */
    static List<String> normalise(String template) {
        List<StringBuilder> paths = new ArrayList<>(List.of(new StringBuilder()));
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                for (StringBuilder p : paths) {
                    p.append(c);
                }
                i++;
                continue;
            }
            int end = closingBrace(template, i);
            List<String> options = parameter(template.substring(i + 1, end));
            List<StringBuilder> expanded = new ArrayList<>();
            for (StringBuilder p : paths) {
                for (String option : options) {
                    expanded.add(new StringBuilder(p).append(option));
                }
            }
            paths = expanded;
            i = end + 1;
        }
        List<String> out = new ArrayList<>();
        for (StringBuilder p : paths) {
            String path = p.toString().replaceAll("/{2,}", "/");
            path = path.replaceAll("^/+", "").replaceAll("/+$", "");
            out.add(path.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** @return the index of the brace closing the one at {@code open} (regexes may nest braces, e.g. {@code \d{2}}) */
    private static int closingBrace(String template, int open) {
        int depth = 0;
        for (int i = open; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in path template " + template);
    }

    /** @return the literals of {@code name: a|b}, or {@code {}} for any other parameter */
    private static List<String> parameter(String content) {
        int colon = content.indexOf(':');
        if (colon >= 0) {
            String regex = content.substring(colon + 1).trim();
            if (LITERAL_ALTERNATIVES.matcher(regex).matches()) {
                return List.of(regex.split("\\|"));
            }
        }
        return List.of("{}");
    }

    /** Prints the difference between the server's routes and the document's; never fails. */
    public static void main(String[] args) throws IOException {
        System.out.print(diff().report());
    }
}

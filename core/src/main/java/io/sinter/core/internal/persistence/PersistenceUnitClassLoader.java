package io.sinter.core.internal.persistence;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The bundle's class loader, falling back to EclipseLink's: EclipseLink loads some of its own classes
 * by name through the persistence unit's loader, which core does not import.
 */
final class PersistenceUnitClassLoader extends ClassLoader {
    private final ClassLoader bundle;
    private final ClassLoader eclipselink;

    PersistenceUnitClassLoader(ClassLoader bundle, ClassLoader eclipselink) {
        super(null);
        this.bundle = bundle;
        this.eclipselink = eclipselink;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return bundle.loadClass(name);
        } catch (ClassNotFoundException e) {
            return eclipselink.loadClass(name);
        }
    }

    @Override
    protected URL findResource(String name) {
        URL url = bundle.getResource(name);
        return url != null ? url : eclipselink.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        Set<URL> all = new LinkedHashSet<>(Collections.list(bundle.getResources(name)));
        all.addAll(Collections.list(eclipselink.getResources(name)));
        return Collections.enumeration(all);
    }
}

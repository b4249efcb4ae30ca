package cn.gov.enforcement.portal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Warns once at start of {@code portal.*} settings that nothing of the portal reads, a misspelt name such as
 * {@code --portal.backup.kep=2}, which Spring Boot ignores without a word. The names the portal knows are the
 * components of its {@link ConfigurationProperties} records (nested records followed; below a map any name) and the
 * {@code ${portal.…}} placeholders of its annotations ({@code @Value}, {@code @Scheduled}) and configuration files.
 * Registered by {@link PortalApplication#main} only.
 */
final class UnknownSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnknownSettings.class);
    private static final String PREFIX = "portal.";
    private static final String BASE_PACKAGE = PortalApplication.class.getPackageName();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]]+)");

    /** The names the portal reads: leaves, and the names below which any name is read (maps). */
    record Known(Set<String> leaves, Set<String> anyBelow) {

        boolean contains(String name) {
            String uniform = uniform(name);
            return leaves.stream().anyMatch(l -> uniform(l).equals(uniform))
                    || anyBelow.stream().anyMatch(p -> uniform.startsWith(uniform(p)) && uniform.length() > uniform(p)
                    .length());
        }

        /** The known name nearest to {@code name} when it is within a few letters of it. */
        Optional<String> nearest(String name) {
            String lower = canonical(name);
            int most = Math.max(2, lower.length() / 10);
            Comparator<String> closest = Comparator.comparingInt(k -> distance(lower, k));
            return Stream.concat(leaves.stream(), anyBelow.stream())
                    .filter(k -> distance(lower, k) <= most)
                    .min(closest.thenComparing(Comparator.naturalOrder()));
        }
    }

    /** After the logging system ({@code Ordered.HIGHEST_PRECEDENCE + 20}), so that the warning is logged. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 25;
    }

    /**
     * Checks in the background: reading the portal's classes takes a few seconds on a busy machine (3 s at a load of
     * 12 on two cores), which the start need not wait for.
     */
    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        Thread check = new Thread(() -> {
            try {
                warning(environment, known(environment)).ifPresent(log::warn);
            } catch (RuntimeException e) {
                log.debug("Cannot check the names of the settings", e);
            }
        }, "unknown-settings-check");
        check.setDaemon(true);
        check.start();
    }

    /** The warning naming each unknown setting with the nearest known one; empty when every setting is known. */
    static Optional<String> warning(ConfigurableEnvironment environment, Known known) {
        List<String> unknown = new ArrayList<>();
        Set<String> placeholders = placeholders(environment);
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            boolean variables = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName());
            for (String name : new TreeSet<>(List.of(enumerable.getPropertyNames()))) {
                if (!name.toLowerCase(Locale.ROOT).startsWith(variables ? "portal_" : PREFIX)
                        || (variables && skippedVariable(name, placeholders)) || known.contains(name)) {
                    continue;
                }
                String entry = name + " (" + source.getName() + ")";
                Optional<String> nearest = known.nearest(variables ? name.replace('_', '.') : name);
                unknown.add(entry + nearest.map(n -> ": did you mean " + n + "?").orElse(""));
            }
        }
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Settings no part of the portal reads, ignored (misspelt? see \"Configuration\" in "
                + "README.md): " + String.join("; ", unknown));
    }

    /**
     * Environment variables the configuration files read by their own names ({@code ${PORTAL_DB_URL}}), and the
     * tests' own ({@code PORTAL_TEST_POSTGRES_URL}): not setting names.
     */
    private static boolean skippedVariable(String name, Set<String> placeholders) {
        return name.toUpperCase(Locale.ROOT).startsWith("PORTAL_TEST_") || placeholders.contains(name);
    }

    /** Every name the portal reads, from its settings records, annotations and the environment's placeholders. */
    static Known known(ConfigurableEnvironment environment) {
        Set<String> leaves = new TreeSet<>();
        Set<String> anyBelow = new TreeSet<>();
        for (Class<?> type : portalClasses()) {
            ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
            if (properties != null) {
                String prefix = properties.prefix().isEmpty() ? properties.value() : properties.prefix();
                addComponents(prefix, type, leaves, anyBelow);
            }
            annotatedElements(type).forEach(element -> placeholdersOf(element, leaves));
        }
        placeholders(environment).stream().filter(p -> p.startsWith(PREFIX)).forEach(leaves::add);
        return new Known(leaves, anyBelow);
    }

    /** The settings a record binds below {@code prefix}: its components, nested records followed. */
    static void addComponents(String prefix, Class<?> type, Set<String> leaves, Set<String> anyBelow) {
        if (!type.isRecord()) {
            anyBelow.add(prefix); // not introspected: every name below it is taken as known
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> componentType = component.getType();
            if (Map.class.isAssignableFrom(componentType)) {
                anyBelow.add(name);
            } else if (componentType.isRecord() && componentType.getPackageName().startsWith(BASE_PACKAGE)) {
                addComponents(name, componentType, leaves, anyBelow);
            } else {
                leaves.add(name);
            }
        }
    }

    /** Every class of the portal (not initialised). */
    private static List<Class<?>> portalClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        ClassLoader loader = UnknownSettings.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(BASE_PACKAGE)) {
            try {
                classes.add(Class.forName(definition.getBeanClassName(), false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                log.debug("Cannot read the settings of {}", definition.getBeanClassName(), e);
            }
        }
        return classes;
    }

    private static List<AnnotatedElement> annotatedElements(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>();
        try {
            elements.add(type);
            elements.addAll(List.of(type.getDeclaredFields()));
            List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
            executables.addAll(List.of(type.getDeclaredMethods()));
            for (Executable executable : executables) {
                elements.add(executable);
                elements.addAll(List.of(executable.getParameters()));
            }
        } catch (LinkageError e) {
            log.debug("Cannot read the annotations of {}", type, e);
        }
        return elements;
    }

    /** Adds the {@code ${portal.…}} placeholders in the string attributes of the element's annotations. */
    private static void placeholdersOf(AnnotatedElement element, Collection<String> names) {
        Annotation[] annotations;
        try {
            annotations = element.getDeclaredAnnotations();
        } catch (RuntimeException | LinkageError e) {
            return;
        }
        for (Annotation annotation : annotations) {
            for (Method attribute : annotation.annotationType().getDeclaredMethods()) {
                if (attribute.getParameterCount() != 0) {
                    continue;
                }
                Object value;
                try {
                    value = attribute.invoke(annotation);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                Stream<?> values = value instanceof String[] array ? Stream.of(array) : Stream.of(value);
                values.filter(String.class::isInstance).map(String.class::cast)
                        .flatMap(UnknownSettings::placeholders).filter(p -> p.startsWith(PREFIX)).forEach(names::add);
            }
        }
    }

    /** The names in the {@code ${…}} placeholders of every value of the environment's enumerable sources. */
    private static Set<String> placeholders(ConfigurableEnvironment environment) {
        Set<String> names = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable
                    && !StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName())) {
                for (String name : enumerable.getPropertyNames()) {
                    Object value = enumerable.getProperty(name);
                    if (value != null) {
                        placeholders(value.toString()).forEach(names::add);
                    }
                }
            }
        }
        return names;
    }

    private static Stream<String> placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found.stream();
    }

    /** {@code maxAttempts} as a setting's name: {@code max-attempts}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A name as written, lower case, without list indexes: {@code portal.backup.folders[0]} → {@code …folders}. */
    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\[[^]]*]", "");
    }

    /**
     * A name as Spring Boot's relaxed binding compares it: {@code max-attempts}, {@code maxAttempts} and the
     * variable {@code PORTAL_NOTIFICATION_MAX_ATTEMPTS} alike.
     */
    private static String uniform(String name) {
        return canonical(name).replaceAll("[._\\-]", "");
    }

    /** The edit distance of two names. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

package cn.gov.enforcement.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** Deny by default: every view, layout and error view states who may open it. */
class ViewAccessAnnotationsTest {

    @Test
    void every_view_layout_and_error_view_declares_its_access() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        List<String> views = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("cn.gov.enforcement.portal")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            views.add(type.getSimpleName());
            boolean declared = type.isAnnotationPresent(AnonymousAllowed.class) || type.isAnnotationPresent(PermitAll.class)
                    || type.isAnnotationPresent(RolesAllowed.class) || type.isAnnotationPresent(DenyAll.class);
            if (!declared) {
                missing.add(type.getName());
            }
        }
        assertThat(views).contains("HomeView", "MainLayout", "PageNotFoundView", "UsersView");
        assertThat(missing).as("views without an access annotation").isEmpty();
    }

    @Test
    void administration_pages_are_for_administrators_only() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (var candidate : scanner.findCandidateComponents("cn.gov.enforcement.portal")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String path = type.getAnnotation(Route.class).value();
            if (path.startsWith("admin/")) {
                assertThat(type.getAnnotation(RolesAllowed.class)).as(type.getName()).isNotNull();
                assertThat(type.getAnnotation(RolesAllowed.class).value()).as(type.getName()).containsExactly("ADMIN");
            }
        }
    }
}

package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.springframework.security.access.AccessDeniedException;

/**
 * A page that shows one entry named in its address ({@code risks/<id>}, {@code agencies/<id>}): whether an address
 * names an entry the page shows. The shell asks before it sends the first answer of a page, so that an address of no
 * entry answers HTTP 404 (search engines do not index the not-found page) while the reader still sees the friendly
 * not-found page. Modules declare one bean per such page ({@link #forView}); the answer must be the one the page
 * itself comes to, so both use the same look-up.
 */
public interface EntryPages {

    /**
     * Empty when {@code view} is not the page this bean is about; else whether {@code parameters} (the address's
     * route parameters) name an entry it shows.
     */
    Optional<Boolean> shows(Class<? extends Component> view, RouteParameters parameters);

    /** The entry page {@code view}, which shows something for the parameters {@code shows} accepts. */
    static EntryPages forView(Class<? extends Component> view, Predicate<RouteParameters> shows) {
        return (shown, parameters) -> shown == view ? Optional.of(shows.test(parameters)) : Optional.empty();
    }

    /**
     * The entry page {@code view} that takes its entry as its URL parameter ({@code HasUrlParameter}: {@code
     * staff/rating/<reference>}), which shows something for the parameters {@code shows} accepts.
     */
    static EntryPages forUrlParameter(Class<? extends Component> view, Predicate<String> shows) {
        return forView(view, p -> shows.test(
                p.get(com.vaadin.flow.router.internal.HasUrlParameterFormat.PARAMETER_NAME).orElse("")));
    }

    /**
     * Whether {@code lookUp}, the page's own look-up made as the signed-in person, finds the entry: an entry of
     * another agency ({@link AccessDeniedException}) is not found, as the page says for both, and so is one that the
     * look-up answers with {@code notFound}. Any other failure propagates (the status is then left alone).
     */
    static boolean found(BooleanSupplier lookUp, Class<? extends RuntimeException> notFound) {
        try {
            return lookUp.getAsBoolean();
        } catch (AccessDeniedException e) {
            return false;
        } catch (RuntimeException e) {
            if (notFound.isInstance(e)) {
                return false;
            }
            throw e;
        }
    }
}

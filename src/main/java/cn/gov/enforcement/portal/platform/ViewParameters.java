package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;

/** Filters of a view taken from its URL's query parameters, for links that open a view already filtered. */
public final class ViewParameters {

    private ViewParameters() {}

    /**
     * Sets the select to the value the named parameter gives, only when the select is shown and offers that value: a
     * hidden chooser (an officer's own agency) or an unknown value leaves it as it is.
     */
    public static void chooseOffered(Select<String> select, QueryParameters parameters, String name) {
        parameters.getSingleParameter(name)
                .filter(value -> select.isVisible() && select.getListDataView().getItems().anyMatch(value::equals))
                .ifPresent(select::setValue);
    }
}

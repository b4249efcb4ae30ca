package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;

/** Filters of a view taken from its URL's query parameters, for links that open a view already filtered. */
public final class ViewParameters {

    /** The message of a value the address gives that the chooser does not offer (the value quoted, cut at 30). */
    public static final String NOT_OFFERED = "platform.link.notOffered";

    private static final String CLEARS_MARK = ViewParameters.class.getName() + ".clearsMark";

    private ViewParameters() {}

    /**
     * Sets the select to the value the named parameter gives when the select is shown and offers that value. A hidden
     * chooser (an officer's own agency) ignores the parameter. A value it does not offer (an unknown or mistyped agency
     * in an old link) empties the chooser, so the page shows nothing chosen rather than another choice looking like the
     * one asked for, and marks it with {@link #NOT_OFFERED} until the reader chooses.
     */
    public static void chooseOffered(Select<String> select, QueryParameters parameters, String name) {
        if (!select.isVisible()) {
            return;
        }
        String given = parameters.getSingleParameter(name).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        if (given == null) {
            return;
        }
        if (select.getListDataView().getItems().anyMatch(given::equals)) {
            select.setValue(given);
            select.setInvalid(false);
            return;
        }
        if (ComponentUtil.getData(select, CLEARS_MARK) == null) {
            ComponentUtil.setData(select, CLEARS_MARK, Boolean.TRUE);
            select.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    select.setInvalid(false);
                }
            });
        }
        select.clear();
        String shown = TextChecks.shortened(given, 30);
        select.setErrorMessage(select.getTranslation(NOT_OFFERED, shown));
        select.setInvalid(true);
    }
}

package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;

/**
 * A public search form: the query box and its button on the first row, the filters on the rows below. On a
 * wide screen the filters are always shown; on a phone (the theme's {@code max-width: 600px} rules) they fold
 * behind a button that names how many are set, so the results start on the first screen instead of below six
 * fields. Filters that are set unfold it, so a reader always sees what narrows the results. The fold is a
 * class on the filters and {@code aria-expanded} on the button; nothing of it reaches the server's search.
 */
public final class SearchForm extends Div {

    private final Div filters = new Div();
    private final Button toggle = new Button();
    private boolean open;
    private int active;

    /**
     * @param idPrefix the form's element ids start with it ({@code <prefix>-filters}, {@code <prefix>-filters-toggle})
     */
    public SearchForm(String idPrefix, Component query, Button submit, Component... filterFields) {
        addClassName("search-form");
        getElement().setAttribute("role", "search");
        Div queryRow = new Div(query, submit);
        queryRow.addClassName("search-form-query");

        filters.setId(idPrefix + "-filters");
        filters.addClassName("search-form-filters");
        filters.add(filterFields);

        toggle.setId(idPrefix + "-filters-toggle");
        toggle.addClassName("search-form-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.getElement().setAttribute("aria-controls", filters.getId().orElseThrow());
        toggle.addClickListener(e -> setFiltersOpen(!open));
        add(queryRow, toggle, filters);
        setActiveFilters(0);
        setFiltersOpen(false);
    }

    /**
     * How many filters differ from their defaults: the folding button names the number, and any set filter
     * unfolds the filters on a phone.
     */
    public void setActiveFilters(int count) {
        active = Math.max(0, count);
        toggle.setText(active == 0 ? getTranslation("platform.searchForm.filters")
                : getTranslation("platform.searchForm.filtersSet", active));
        if (active > 0) {
            setFiltersOpen(true);
        }
    }

    public boolean filtersOpen() {
        return open;
    }

    public int activeFilters() {
        return active;
    }

    private void setFiltersOpen(boolean value) {
        open = value;
        filters.setClassName("search-form-filters-open", value);
        toggle.getElement().setAttribute("aria-expanded", Boolean.toString(value));
    }
}

package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The versions of one entry and, field by field, what changed between two chosen versions. */
@Route("staff/lists/history/:id")
@RolesAllowed({"EDITOR", "ADMIN"})
public class ListEntryHistoryView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final transient ListsBackOffice backOffice;
    private final Select<Integer> from = Selects.create();
    private final Select<Integer> to = Selects.create();
    private final Div changes = new Div();
    private String id;
    private String title = "";

    public ListEntryHistoryView(ListsBackOffice backOffice) {
        this.backOffice = backOffice;
        addClassName("list-entry-history-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().get("id").orElse("");
        List<ListsBackOffice.VersionSummary> versions;
        ListsBackOffice.EntryView entry;
        try {
            entry = backOffice.entry(id);
            versions = backOffice.versions(id);
        } catch (ListEntryNotFoundException e) {
            event.rerouteToError(e, "");
            return;
        }
        removeAll();
        String entryTitle = ListsBackOffice.titleOf(entry.entry());
        title = getTranslation("lists.admin.historyTitle", entryTitle);
        // the entry's title is its Chinese content: marked on a page of another language, the heading's words not
        H1 heading = new H1(cn.gov.enforcement.portal.platform.ReaderScript.markSpliced(getTranslation(
                "lists.admin.historyTitle", cn.gov.enforcement.portal.platform.ReaderScript.spliceAsWritten(entryTitle))));
        heading.setId("history-title");
        add(new Anchor("staff/lists?agency=" + entry.agency(), getTranslation("lists.admin.back")), heading);
        UnorderedList list = new UnorderedList();
        list.setId("history-versions");
        for (int i = 0; i < versions.size(); i++) {
            ListsBackOffice.VersionSummary v = versions.get(i);
            String status = superseded(versions, i) ? getTranslation("lists.admin.status.superseded")
                    : getTranslation(v.status().translationKey());
            ListItem item = new ListItem(getTranslation("lists.admin.version", v.version()) + " · "
                    + status + " · " + v.createdBy() + " · "
                    + TIME.format(v.createdAt()) + (v.fromFile() ? " · " + getTranslation("lists.admin.fromFile") : "")
                    + " · ");
            // this version as its public page would show it
            Anchor preview = new Anchor("staff/lists/preview/" + id + "?version=" + v.version(),
                    getTranslation("lists.admin.preview"));
            preview.addClassName("history-preview");
            item.add(preview);
            list.add(item);
        }
        if (versions.isEmpty()) {
            add(new Paragraph(getTranslation("lists.admin.noVersions")));
            return;
        }
        add(list);
        List<Integer> numbers = versions.stream().map(ListsBackOffice.VersionSummary::version).toList();
        from.setId("history-from");
        from.setLabel(getTranslation("lists.admin.compareFrom"));
        from.setItems(numbers);
        to.setId("history-to");
        to.setLabel(getTranslation("lists.admin.compareTo"));
        to.setItems(numbers);
        from.setValue(numbers.get(Math.max(0, numbers.size() - 2)));
        to.setValue(numbers.get(numbers.size() - 1));
        Button compare = new Button(getTranslation("lists.admin.compare"), e -> compare());
        compare.setId("history-compare");
        HorizontalLayout bar = new HorizontalLayout(from, to, compare);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        changes.setId("history-changes");
        add(bar, changes);
        compare();
    }

    private void compare() {
        changes.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        List<ListsBackOffice.FieldChange> diff;
        try {
            // conditions named as the form names them on this page: 首次违法；月数=12 on Chinese pages, codes on English
            diff = backOffice.diff(id, from.getValue(), to.getValue(), ListEntryForms.Spelling.of(getLocale()));
        } catch (ValidationFailure e) {
            changes.add(new Paragraph(getTranslation(e.problems().get(0).messageKey())));
            return;
        }
        changes.add(new H2(getTranslation("lists.admin.changes", from.getValue(), to.getValue())));
        if (diff.isEmpty()) {
            changes.add(new Paragraph(getTranslation("lists.admin.noChanges")));
            return;
        }
        Element table = new Element("table");
        table.getClassList().add("history-table");
        Element head = new Element("tr");
        for (String key : List.of("lists.admin.diff.field", "lists.admin.diff.before", "lists.admin.diff.after")) {
            head.appendChild(new Element("th").setText(getTranslation(key)));
        }
        table.appendChild(head);
        for (ListsBackOffice.FieldChange c : diff) {
            Element row = new Element("tr");
            row.setAttribute("data-field", c.field());
            row.appendChild(new Element("td").setText(getTranslation("lists.admin.field." + c.field())),
                    written(pre(c.before())), written(pre(c.after())));
            table.appendChild(row);
        }
        Div wrapper = new Div();
        wrapper.getElement().appendChild(table);
        changes.add(wrapper);
    }

    /** A cell of the entry's own words, marked as Chinese where it holds Chinese on a page of another language. */
    private static Element written(Element cell) {
        return cn.gov.enforcement.portal.platform.ReaderScript.holdsChinese(cell.getText())
                ? cn.gov.enforcement.portal.platform.ReaderScript.markContent(cell) : cell;
    }

    /** A table cell that keeps line breaks; the text is set through the DOM API, so it is escaped. */
    private static Element pre(String text) {
        Element cell = new Element("td").setText(text);
        cell.getStyle().set("white-space", "pre-wrap");
        return cell;
    }

    /**
     * Whether version {@code i} (oldest first) was replaced: a draft or review version that a later save went over,
     * or a published version after which another was published or the entry withdrawn. Only the newest version's
     * status changes in the store, so an older one would otherwise still read 已发布 or 审核中.
     */
    static boolean superseded(List<ListsBackOffice.VersionSummary> versions, int i) {
        EntryStatus status = versions.get(i).status();
        if (i == versions.size() - 1 || status == EntryStatus.WITHDRAWN) {
            return false;
        }
        if (status != EntryStatus.PUBLISHED) {
            return true;
        }
        return versions.subList(i + 1, versions.size()).stream()
                .anyMatch(later -> later.status() == EntryStatus.PUBLISHED || later.status() == EntryStatus.WITHDRAWN);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

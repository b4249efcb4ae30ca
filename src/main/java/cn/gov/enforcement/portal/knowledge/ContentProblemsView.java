package cn.gov.enforcement.portal.knowledge;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Administrators see every problem of the knowledge base (file, line, field, message in the reader's language) and
 * can reload it.
 */
@Route("admin/content")
@RolesAllowed("ADMIN")
public class ContentProblemsView extends Div implements HasDynamicTitle {

    private final transient ContentAdministration administration;
    private final Grid<ContentProblem> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Paragraph reloadResult = new Paragraph();

    public ContentProblemsView(ContentAdministration administration) {
        this.administration = administration;
        addClassName("content-problems-view");
        add(new H1(getTranslation("knowledge.admin.title")),
                new Paragraph(getTranslation("knowledge.admin.location", administration.location())));

        Button reload = new Button(getTranslation("knowledge.admin.reload"), e -> reload());
        reload.setId("content-reload");
        reload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reloadResult.setId("content-reload-result");
        reloadResult.getElement().setAttribute("role", "status");

        grid.setId("content-problems");
        // on a phone or a tablet one column instead, each problem a card: the file's path took the width, the message
        // squeezed beside it
        cn.gov.enforcement.portal.platform.NarrowWindow.cards(this, grid, this::wideColumns, "problem",
                getTranslation("knowledge.admin.message"), this::card);
        grid.setAllRowsVisible(true);
        summary.setId("content-summary");
        add(reload, reloadResult, summary, grid);
        show(administration.problems());
    }

    private void wideColumns() {
        grid.addColumn(ContentProblem::file).setKey("file").setHeader(getTranslation("knowledge.admin.file"))
                .setAutoWidth(true);
        grid.addColumn(ContentProblemsView::line).setKey("line").setHeader(getTranslation("knowledge.admin.line"))
                .setAutoWidth(true);
        grid.addColumn(ContentProblem::field).setKey("field").setHeader(getTranslation("knowledge.admin.field"))
                .setAutoWidth(true);
        grid.addColumn(this::message).setKey("message").setHeader(getTranslation("knowledge.admin.message"))
                .setFlexGrow(1);
    }

    /** A problem on a narrow window: the message, then the file, the line and the field. */
    private Div card(ContentProblem p) {
        return cn.gov.enforcement.portal.platform.NarrowWindow.factCard(message(p), getTranslation("knowledge.admin.colon"),
                getTranslation("knowledge.admin.file"), p.file(), getTranslation("knowledge.admin.line"), line(p),
                getTranslation("knowledge.admin.field"), p.field());
    }

    /** A problem of the whole file has no line: a dash, as in the regulation import's report, not 0. */
    private static String line(ContentProblem p) {
        return p.line() > 0 ? Integer.toString(p.line()) : "—";
    }

    private String message(ContentProblem p) {
        return getTranslation(p.key(), p.args().toArray());
    }

    private void show(List<ContentProblem> problems) {
        grid.setItems(problems);
        grid.setVisible(!problems.isEmpty());
        summary.setText(problems.isEmpty() ? getTranslation("knowledge.admin.none")
                : getTranslation("knowledge.admin.count", problems.size()));
    }

    private void reload() {
        List<LoadReport> reports = administration.reload();
        int files = reports.stream().mapToInt(LoadReport::files).sum();
        int skipped = reports.stream().mapToInt(LoadReport::skipped).sum();
        int changed = reports.stream().mapToInt(LoadReport::changed).sum();
        reloadResult.setText(getTranslation("knowledge.admin.reloaded", files, skipped, changed));
        show(administration.problems());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("knowledge.admin.title");
    }
}

package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.SvgIcon;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Small pieces shared by the list pages, and by other modules' pages that show list entries (sample badge, kind key). */
public final class ListsUi {

    private ListsUi() {}

    public static Span sampleBadge(Component owner) {
        Span badge = new Span(owner.getTranslation("lists.sample.badge"));
        badge.getElement().getThemeList().add("badge contrast");
        badge.getElement().setAttribute("title", owner.getTranslation("lists.sample.title"));
        badge.addClassName("lists-sample-badge");
        // in a heading marked as Chinese content, the badge stays in the page's language
        if (UI.getCurrent() != null) {
            badge.getElement().setAttribute("lang",
                    cn.gov.enforcement.portal.platform.LanguagePreference.tag(UI.getCurrent().getLocale()));
        }
        return badge;
    }

    /**
     * The printer icon of the print links and buttons, the portal's own small SVG file: Vaadin's icon set, which
     * {@code VaadinIcon.PRINT} needs, is a 240 KB script the list pages loaded for this one icon, one more round trip
     * before they could show.
     */
    public static SvgIcon printIcon() {
        SvgIcon icon = new SvgIcon("icons/print.svg");
        icon.addClassName("lists-print-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        return icon;
    }

    public static Button printButton(Component owner) {
        Button print = new Button(owner.getTranslation("lists.print"), printIcon(),
                e -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.setId("lists-print");
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        print.addClassName("lists-no-print");
        return print;
    }

    /**
     * Hides the portal's header, navigation and footer and the page's buttons when printing: the page carries the
     * class {@code printable} that the theme's print rules look for, and the elements marked
     * {@code lists-no-print} are hidden on paper (both rules in the theme's {@code styles.css}).
     */
    public static void addPrintStyle(Component owner) {
        owner.getElement().getClassList().add("printable");
    }

    static Section citations(Component owner, String id, String titleKey, List<Citation> citations,
            Function<Citation, Optional<String>> links) {
        Section section = new Section();
        section.setId(id);
        section.add(new H2(owner.getTranslation(titleKey)));
        section.add(citationList(citations, links));
        return section;
    }

    /**
     * Citations as a list; a citation whose article is imported links to the article text, the others
     * stay plain text.
     */
    public static UnorderedList citationList(List<Citation> citations, Function<Citation, Optional<String>> links) {
        UnorderedList list = ReaderScript.markContent(new UnorderedList());
        list.addClassName("lists-citations");
        for (Citation c : citations) {
            ListItem item = new ListItem();
            item.addClassName("lists-citation");
            Optional<String> url = links.apply(c);
            if (url.isPresent()) {
                Anchor link = new Anchor(url.get(), ReaderScript.forReader(c.display()));
                link.addClassName("lists-citation-link");
                link.setRouterIgnore(true);
                item.add(link);
            } else {
                item.setText(ReaderScript.forReader(c.display()));
            }
            list.add(item);
        }
        return list;
    }

    /**
     * The text of a {@link CitationWarning} for each citation field, in the reader's language: its problems one after
     * another, then {@code confirmKey} (what to click again to go on; none when null), in the form's order of the fields.
     */
    static Map<String, String> citationWarnings(Component owner, CitationWarning warning, String confirmKey) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (var problem : warning.problems()) {
            Object[] args = problem.args();
            if (args.length == 1 && args[0] instanceof List<?> unresolved) {
                args = new Object[] {unresolved.stream()
                        .map(u -> citationText(owner, (ListsCatalog.UnresolvedCitation) u))
                        .collect(java.util.stream.Collectors.joining("、"))};
            }
            texts.merge(problem.field(), owner.getTranslation(problem.messageKey(), args),
                    (a, b) -> sentences(owner, a, b));
        }
        if (confirmKey != null) {
            texts.replaceAll((field, text) -> sentences(owner, text, owner.getTranslation(confirmKey)));
        }
        return texts;
    }

    /**
     * An unresolved citation as the public page shows it ({@link Citation#display}), followed, when its kind names a
     * version, by that version in the reader's language: 《…》第十六条（见于 1994-01-25 版，已被修订） for an article only
     * an older version holds, 《…》第三条（最新为 2023-07-20 版，已废止） for a law with no version in force.
     */
    static String citationText(Component owner, ListsCatalog.UnresolvedCitation u) {
        String shown = u.citation().display();
        if (u.version() == null) {
            return shown;
        }
        String status = owner.getTranslation("lists.admin.citation.status." + u.version().status().name());
        boolean older = u.kind() == cn.gov.enforcement.portal.regulation.RegulationCatalog.Resolution.OLDER_VERSION_ONLY;
        return shown + (u.version().versionDate() == null
                ? owner.getTranslation(older ? "lists.admin.citation.inUndatedVersion" : "lists.admin.citation.newestUndated",
                        status)
                : owner.getTranslation(older ? "lists.admin.citation.inVersion" : "lists.admin.citation.newestVersion",
                        u.version().versionDate().toString(), status));
    }

    /** Sentences one after another: in Chinese without a space after the full stop, in English with one. */
    static String sentences(Component owner, String first, String second) {
        Locale locale = owner.getUI().map(UI::getLocale).orElse(UI.getCurrent() == null ? null : UI.getCurrent().getLocale());
        return first + (locale != null && "zh".equals(locale.getLanguage()) ? "" : " ") + second;
    }

    static Section textList(Component owner, String id, String titleKey, List<String> texts) {
        Section section = new Section();
        section.setId(id);
        section.add(new H2(owner.getTranslation(titleKey)));
        UnorderedList list = new UnorderedList();
        texts.forEach(t -> list.add(new ListItem(t)));
        section.add(list);
        return section;
    }

    /** A list's own texts (prevention measures, measures taken) under their heading, marked as Chinese content. */
    static Section contentList(Component owner, String id, String titleKey, List<String> texts) {
        Section section = textList(owner, id, titleKey, texts);
        section.getChildren().filter(UnorderedList.class::isInstance).forEach(ReaderScript::markContent);
        return section;
    }

    /**
     * The note that cited articles imported into the regulation library link to their text, with {@code id}; empty
     * when none of {@code cited} links (the note would promise a link the page does not have).
     */
    static Optional<Paragraph> citationNote(Component owner, String id, java.util.stream.Stream<Citation> cited,
            Function<Citation, Optional<String>> links) {
        if (cited.noneMatch(c -> links.apply(c).isPresent())) {
            return Optional.empty();
        }
        Paragraph note = new Paragraph(owner.getTranslation("lists.citation.note"));
        note.setId(id);
        note.addClassName("lists-citation-note");
        return Optional.of(note);
    }

    /** A fact whose value is the entry's own Chinese text (a sector, a scope), marked as such. */
    static Div contentFact(Component owner, String labelKey, String value) {
        Div line = fact(owner, labelKey, value);
        line.getChildren().skip(1).forEach(ReaderScript::markContent);
        return line;
    }

    static Div fact(Component owner, String labelKey, String value) {
        Div line = new Div(new Span(owner.getTranslation(labelKey) + owner.getTranslation("lists.colon")), new Span(value));
        line.addClassName("lists-fact");
        return line;
    }

    /**
     * The agency fact of a detail page: the agency's name, a link to its page (address, phone, office hours) when the
     * portal knows the agency.
     */
    static Div agencyFact(Component owner, ListsCatalog catalog, String agencyId, String linkId) {
        Div fact = fact(owner, "lists.field.agency", catalog.agencyName(agencyId));
        if (catalog.knownAgency(agencyId)) {
            Anchor link = new Anchor("agencies/" + agencyId, catalog.agencyName(agencyId));
            link.setId(linkId);
            fact.getChildren().skip(1).findFirst().ifPresent(fact::remove);
            fact.add(link);
        }
        return fact;
    }

    /**
     * Makes {@code agency} the agency picker of a back-office page at {@code route} (its id {@code id}): an agency's
     * name, or "all" for the empty value; choosing one opens the page for it ({@code ?agency=}, none for all).
     */
    static void agencyPicker(com.vaadin.flow.component.select.Select<String> agency, String id, String route,
            ListsCatalog catalog) {
        agency.setId(id);
        agency.setLabel(agency.getTranslation("lists.filter.agency"));
        agency.setItemLabelGenerator(a -> a.isEmpty() ? agency.getTranslation("lists.filter.all") : catalog.agencyName(a));
        agency.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                UI.getCurrent().navigate(route, e.getValue().isEmpty()
                        ? com.vaadin.flow.router.QueryParameters.empty()
                        : com.vaadin.flow.router.QueryParameters.of("agency", e.getValue()));
            }
        });
    }

    /**
     * Offers in {@code agency} the agencies the reader may work on ({@code agencies}: an editor's own, every agency for
     * an administrator, who also gets "all", shown only to them) and returns the one the page is for: the address's
     * {@code ?agency=} when the reader may work on it, else all ("") for an administrator and their own for an
     * editor; null when the reader has no agency, and for an administrator whose address names an agency not offered
     * (the chooser is then left empty and marked, {@link cn.gov.enforcement.portal.platform.ViewParameters#chooseOffered}).
     * An agency the reader may not work on is never offered or chosen.
     */
    static String chooseAgency(com.vaadin.flow.component.select.Select<String> agency, List<String> agencies,
            com.vaadin.flow.router.BeforeEnterEvent event) {
        boolean admin = agencies.size() > 1;
        List<String> items = new java.util.ArrayList<>();
        if (admin) {
            items.add("");
        }
        items.addAll(agencies);
        agency.setItems(items);
        agency.setVisible(admin);
        String requested = first(event.getLocation().getQueryParameters().getParameters(), "agency");
        if (admin && requested != null && !agencies.contains(requested)) {
            // an agency the link names that is not offered (mistyped, or gone) chooses none, marked, rather than all
            // the agencies' records looking like the ones asked for
            cn.gov.enforcement.portal.platform.ViewParameters.chooseOffered(agency,
                    event.getLocation().getQueryParameters(), "agency");
            return null;
        }
        agency.setInvalid(false);
        return requested != null && agencies.contains(requested) ? requested : admin ? ""
                : agencies.isEmpty() ? null : agencies.get(0);
    }

    /**
     * The parameters of a list a detail page passes back to it (its search, filters and page, each as the list reads
     * it: the first value, blank ones left out, a search cut to {@link ListsCatalog#MAX_QUERY}); empty when none.
     */
    static String listQuery(Map<String, List<String>> params, List<String> names) {
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        for (String name : names) {
            String value = first(params, name);
            if (value != null) {
                kept.put(name, value.length() > ListsCatalog.MAX_QUERY ? value.substring(0, ListsCatalog.MAX_QUERY) : value);
            }
        }
        return kept.isEmpty() ? "" : com.vaadin.flow.router.QueryParameters.simple(kept).getQueryString();
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }

    static int page(Map<String, List<String>> params) {
        try {
            String p = first(params, "page");
            return p == null ? 0 : Math.max(0, Math.min(1000, Integer.parseInt(p)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static String levelKey(String level) {
        return switch (level) {
            case "高" -> "lists.level.high";
            case "中" -> "lists.level.medium";
            default -> "lists.level.low";
        };
    }

    public static String kindKey(String kind) {
        return switch (kind) {
            case ListsFormat.NO_PENALTY -> "lists.kind.noPenalty";
            case ListsFormat.LIGHTER -> "lists.kind.lighter";
            default -> "lists.kind.reduced";
        };
    }

    /** The translation key of a discretion circumstance level (轻微, 一般, 严重). */
    public static String circumstanceKey(String level) {
        return switch (level) {
            case "轻微" -> "lists.circumstance.minor";
            case "一般" -> "lists.circumstance.ordinary";
            case "严重" -> "lists.circumstance.serious";
            default -> throw new IllegalArgumentException("Unknown circumstance level " + level);
        };
    }

    /** The translation key of a no-penalty sub-kind (首违不罚, 轻微免罚, 无主观过错). */
    static String subkindKey(String subkind) {
        return switch (subkind) {
            case "首违不罚" -> "lists.subkind.firstViolation";
            case "轻微免罚" -> "lists.subkind.minor";
            case "无主观过错" -> "lists.subkind.noFault";
            default -> throw new IllegalArgumentException("Unknown sub-kind " + subkind);
        };
    }

    /** The translation key of a kind of administrative guidance (引导 … 回访). */
    static String guidanceKey(String guidance) {
        return switch (guidance) {
            case "引导" -> "lists.guidance.guide";
            case "示范" -> "lists.guidance.demonstrate";
            case "提示" -> "lists.guidance.remind";
            case "辅导" -> "lists.guidance.coach";
            case "建议" -> "lists.guidance.advise";
            case "规劝" -> "lists.guidance.persuade";
            case "约谈" -> "lists.guidance.interview";
            case "回访" -> "lists.guidance.followUp";
            default -> throw new IllegalArgumentException("Unknown guidance kind " + guidance);
        };
    }

    /** An exemption item's list kind with its sub-kind, both in the reader's language. */
    static String kindText(Component owner, ExemptionItem e) {
        return owner.getTranslation(kindKey(e.kind()))
                + (e.subkind() == null ? "" : " · " + owner.getTranslation(subkindKey(e.subkind())));
    }
}

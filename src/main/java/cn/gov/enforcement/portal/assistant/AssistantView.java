package cn.gov.enforcement.portal.assistant;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.lists.DiscretionBenchmark;
import cn.gov.enforcement.portal.lists.ExemptionItem;
import cn.gov.enforcement.portal.lists.ListsUi;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.platform.ClientAddress;
import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.regulation.RegulationCatalog.ArticleHit;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;

/**
 * The self-check assistant page ({@code /assistant}): a question box and the conversation so far, newest
 * first, each answer with its numbered sources (legal risks, no- or lighter-penalty items, articles), each
 * linking to its page. The model's text, when there is one, is marked as machine-written. A follow-up
 * question is answered in the context of the previous one (see {@link FollowUp}); its answer says so and
 * offers to answer it alone. The conversation lives in this view only (one per browser tab) until the
 * reader starts a new one. {@code /assistant?q=…} starts a new conversation with that question, so other
 * pages can link to an answer.
 */
@Route("assistant")
@Menu(order = 35, title = "menu.assistant")
@AnonymousAllowed
public class AssistantView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final transient AssistantService service;
    private final TextArea question = new TextArea();
    private final Div conversation = new Div();
    private final Button newConversation = new Button();
    /** The newest answer of the conversation, the context of a follow-up; null at its start. */
    private AssistantAnswer last;
    private String askedFromUrl;
    /** Answers whose text a model is still writing. */
    private int writing;
    /** The model's texts still being written, by the draft they are for. */
    private final Map<AssistantAnswer, CompletableFuture<AssistantAnswer>> beingWritten = new IdentityHashMap<>();
    /** Cards shown so far: each card's sources get ids of their own. */
    private int cards;
    static final int POLL_MS = 500;

    public AssistantView(AssistantService service) {
        this.service = service;
        addClassName("assistant-view");
        add(new H1(getTranslation("assistant.title")), new Paragraph(MarkedText.of(getTranslation("assistant.lead"), getLocale())));
        // for a whole business rather than one question: the guided self-check (selfcheck module)
        com.vaadin.flow.component.html.Anchor selfCheck = new com.vaadin.flow.component.html.Anchor("self-check",
                getTranslation("assistant.selfCheck"));
        selfCheck.setId("assistant-self-check-link");
        add(new Paragraph(selfCheck));
        Paragraph mode = new Paragraph(getTranslation(service.modelConfigured() ? "assistant.mode.model" : "assistant.mode.sources"));
        mode.setId("assistant-mode");
        mode.addClassName("assistant-note");
        add(mode);

        Div examples = new Div(new Span(LabelSpacing.beforeNext(getTranslation("assistant.examples"))));
        examples.addClassName("regulation-examples");
        examples.setId("assistant-examples");
        for (String example : getTranslation("assistant.examples.list").split("\\|")) {
            Button b = new Button(example.strip(), e -> ask(example.strip()));
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            b.addClassName("assistant-example");
            if (!"zh".equals(getLocale().getLanguage())) {
                // the examples stay Chinese questions on English pages: read with a Chinese voice
                b.getElement().setAttribute("lang", "zh-CN");
            }
            examples.add(b);
        }
        add(examples);

        question.setId("assistant-question");
        question.setLabel(getTranslation("assistant.question"));
        question.setPlaceholder(getTranslation("assistant.question.placeholder"));
        question.setMaxLength(AssistantService.MAX_QUESTION);
        question.setWidthFull();
        Button send = new Button(getTranslation("assistant.send"), e -> ask(question.getValue()));
        send.setId("assistant-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter sends: the box sends its value on change, which Enter is not, so the shortcut leaves the box and comes
        // back first (without it the question sent is the one before, or none)
        send.addClickShortcut(Key.ENTER).listenOn(question).resetFocusOnActiveElement();
        newConversation.setText(getTranslation("assistant.newConversation"));
        newConversation.setId("assistant-new-conversation");
        newConversation.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        newConversation.addClickListener(e -> {
            startConversation();
            question.clear();
            question.setInvalid(false);
            question.focus();
        });
        newConversation.setEnabled(false);
        Div actions = new Div(send, newConversation);
        actions.addClassName("assistant-actions");
        conversation.setId("assistant-conversation");
        conversation.getElement().setAttribute("aria-live", "polite");
        add(question, actions, conversation, disclaimer());
        addDetachListener(e -> {
            writing = 0;
            e.getUI().setPollInterval(-1);
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // a citation scrolls to its source in place (its href names this page, for a new tab only)
        conversation.getElement().executeJs("""
                this.addEventListener('click', e => {
                  const cite = e.target.closest('a.assistant-cite');
                  const target = cite && document.getElementById(cite.dataset.target);
                  if (target && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
                    e.preventDefault();
                    target.scrollIntoView({block: 'center'});
                    target.focus({preventScroll: true});
                  }
                });""");
    }

    /** Forgets the conversation: no context for the next question, no answers shown. */
    private void startConversation() {
        last = null;
        conversation.removeAll();
        newConversation.setEnabled(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var values = event.getLocation().getQueryParameters().getParameters().get("q");
        String asked = values == null || values.isEmpty() ? null : values.get(0);
        if (asked != null && !asked.equals(askedFromUrl)) {
            askedFromUrl = asked;
            startConversation();
            ask(asked);
        }
    }

    private void ask(String text) {
        question.setInvalid(false);
        AssistantAnswer answer;
        try {
            answer = service.draft(text, last, getLocale(), ClientAddress.current());
        } catch (ValidationFailure refused) {
            var p = refused.problems().get(0);
            question.setValue(text == null ? "" : text);
            question.setInvalid(true);
            question.setErrorMessage(getTranslation(p.messageKey(), p.args()));
            return;
        }
        question.clear();
        AssistantAnswer previous = last;
        last = answer;
        Card shown = card(answer);
        conversation.addComponentAsFirst(shown);
        newConversation.setEnabled(true);
        writeLater(answer, previous, shown);
    }

    /** Answers a follow-up's question again without its context, in the follow-up's place. */
    private void answerAlone(Card shown) {
        AssistantAnswer followUp = shown.answer;
        AssistantAnswer alone = service.draftAlone(followUp);
        if (last == followUp) {
            last = alone; // the next follow-up builds on this question alone
        }
        Card card = card(alone);
        conversation.replace(shown, card);
        writeLater(alone, null, card);
    }

    /**
     * While a configured model writes an answer's text, the page shows the sources with a note and stays usable; the
     * text takes the note's place in the same card when it comes (the UI polls meanwhile), so the focus stays where
     * the reader put it. A follow-up asked meanwhile is sent to the model once the previous text is there, with it as
     * history. An answer whose card is gone by then (a new conversation, answered alone) is dropped; one that comes
     * after the reader left the page touches nothing (the UI may poll for another page by then).
     */
    private void writeLater(AssistantAnswer draft, AssistantAnswer previous, Card card) {
        if (!draft.writing()) {
            return;
        }
        UI ui = UI.getCurrent();
        Locale language = getLocale();
        CompletableFuture<AssistantAnswer> before = previous == null ? null : beingWritten.get(previous);
        CompletableFuture<AssistantAnswer> written = (draft.followUp() && before != null
                ? before.thenCompose(done -> service.writeLater(draft, done, language))
                : service.writeLater(draft, previous, language))
                .exceptionally(failure -> draft.written(null));
        beingWritten.put(draft, written);
        writing++;
        ui.setPollInterval(POLL_MS);
        written.thenAccept(done -> {
            try {
                ui.access(() -> {
                    beingWritten.remove(draft);
                    if (!isAttached()) {
                        return;
                    }
                    writing = Math.max(0, writing - 1);
                    if (writing == 0) {
                        ui.setPollInterval(-1);
                    }
                    if (last == draft) {
                        last = done;
                    }
                    if (card.answer == draft) {
                        card.answer = done;
                        text(card);
                    }
                });
            } catch (UIDetachedException gone) {
                // the reader closed the page
            }
        });
    }

    /** The context as the note shows it: whole up to 60 characters, else its newest part. */
    static String shortened(String context) {
        int max = 60;
        return TextChecks.characters(context) <= max ? context
                : "…" + context.substring(context.offsetByCodePoints(context.length(), -(max - 1)));
    }

    /** One answer on the page: its question, the model's text or a note about it, and its numbered sources. */
    private static final class Card extends Div {
        /** The answer shown; the draft until the model's text comes. */
        private AssistantAnswer answer;
        /** The start of the ids of its sources, which citations link to. */
        private final String sources;
        private final Div text = new Div();

        Card(AssistantAnswer answer, String sources) {
            this.answer = answer;
            this.sources = sources;
        }
    }

    private Card card(AssistantAnswer a) {
        Card card = new Card(a, "assistant-source-" + (++cards) + "-");
        String sources = card.sources;
        card.addClassName("service-card");
        card.addClassName("assistant-answer");
        // each answer is headed by its question (H2), its kinds of sources below it (H3); the question as typed, its
        // Chinese marked on a page in another language
        H2 asked = new H2(MarkedText.of(a.question(), getLocale()));
        asked.addClassName("assistant-asked");
        card.add(asked);
        if (a.followUp()) {
            Span note = new Span(MarkedText.of(getTranslation("assistant.context", shortened(a.context())) + " ",
                    getLocale()));
            Button alone = new Button(getTranslation("assistant.alone"), e -> answerAlone(card));
            alone.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            alone.addClassName("assistant-alone");
            Div context = new Div(note, alone);
            context.addClassName("assistant-note");
            context.addClassName("assistant-context");
            card.add(context);
        }
        card.add(card.text);
        text(card);
        if (a.lawsUnavailable()) {
            // not "no article concerns it": the law search did not answer, so none could be looked for
            Paragraph laws = new Paragraph(getTranslation("assistant.lawsUnavailable"));
            laws.addClassName("assistant-note");
            laws.addClassName("assistant-laws-unavailable");
            card.add(laws);
        }
        if (a.empty()) {
            Paragraph none = new Paragraph(getTranslation(a.lawsUnavailable() ? "assistant.noneWithoutLaws"
                    : "assistant.none"));
            none.addClassName("assistant-none");
            card.add(none, new Div(new Anchor("risks", getTranslation("assistant.browseRisks")), new Span(" · "),
                    new Anchor("exemptions", getTranslation("assistant.browseExemptions")), new Span(" · "),
                    new Anchor("mediation", getTranslation("assistant.browseMediation"))));
            return card;
        }
        // the sources' own texts are Chinese content, marked as such on a page in another language; the words around
        // them (kinds, degrees, links to the check) are translated
        int n = 1;
        if (!a.risks().isEmpty()) {
            OrderedList list = section(card, "assistant.risks", n);
            for (RiskPoint r : a.risks()) {
                Anchor link = ReaderScript.markContent(new Anchor("risks/" + r.id(), ReaderScript.forReader(r.title())));
                link.addClassName("assistant-risk");
                ListItem item = source(new ListItem(link), sources, n);
                sample(item, r.sample());
                Span risk = ReaderScript.markContent(new Span(ReaderScript.forReader(r.risk())));
                risk.addClassName("assistant-source-text");
                item.add(new Text(" — "), risk);
                list.add(item);
                n++;
            }
        }
        if (!a.exemptions().isEmpty()) {
            OrderedList list = section(card, "assistant.exemptions", n);
            for (ExemptionItem e : a.exemptions()) {
                Anchor link = ReaderScript.markContent(new Anchor("exemptions/" + e.id(),
                        ReaderScript.forReader(e.violation())));
                link.addClassName("assistant-exemption");
                Anchor check = new Anchor("exemptions/" + e.id() + "/check", getTranslation("assistant.check"));
                ListItem item = source(new ListItem(link), sources, n);
                sample(item, e.sample());
                item.add(new Span(" — " + getTranslation(ListsUi.kindKey(e.kind())) + " · "), check);
                list.add(item);
                n++;
            }
        }
        if (!a.benchmarks().isEmpty()) {
            OrderedList list = section(card, "assistant.benchmarks", n);
            for (DiscretionBenchmark d : a.benchmarks()) {
                Anchor link = ReaderScript.markContent(new Anchor("discretion/" + d.agency() + "#" + d.id(),
                        ReaderScript.forReader(d.violation())));
                link.addClassName("assistant-benchmark");
                ListItem item = source(new ListItem(link), sources, n);
                sample(item, d.sample());
                // each degree (translated) with its penalty (Chinese content): what the question's "how much" is
                // answered by
                Span penalties = new Span(new Text(" — "));
                String separator = "";
                for (DiscretionBenchmark.Circumstance c : d.circumstances()) {
                    Span penalty = ReaderScript.markContent(new Span(
                            ReaderScript.forReader(c.penalty().strip().replaceFirst("[。.]$", ""))));
                    penalty.addClassName("assistant-source-text");
                    penalties.add(new Text(separator + getTranslation(ListsUi.circumstanceKey(c.level()))
                            + getTranslation("assistant.colon")), penalty);
                    separator = getTranslation("assistant.separator");
                }
                item.add(penalties);
                list.add(item);
                n++;
            }
        }
        if (!a.articles().isEmpty()) {
            OrderedList list = section(card, "assistant.articles", n);
            for (ArticleHit h : a.articles()) {
                String label = h.guide() ? (h.section() == null || h.section().isEmpty() ? h.title() : h.title() + " · " + h.section())
                        : h.article() == null || h.article().isBlank() ? h.title() : h.documentTitle() + " " + h.article();
                // our own guides follow the reader's script; laws are shown as published
                String snippet = h.guide() ? ReaderScript.forReader(h.snippet()) : h.snippet();
                Anchor link = new Anchor(h.url(), h.guide() ? ReaderScript.forReader(label) : label);
                link.addClassName("assistant-article");
                // a guide in the reader's script, a law as published: marked where that is not the page's
                String labelLanguage = h.language(getLocale(), label);
                if (labelLanguage != null) {
                    link.getElement().setAttribute("lang", labelLanguage);
                }
                ListItem item = source(new ListItem(link), sources, n);
                if (h.guide()) {
                    Span badge = new Span(getTranslation("regulation.guide.badge"));
                    badge.getElement().getThemeList().add("badge");
                    badge.addClassName("assistant-guide-badge");
                    item.add(new Span(" "), badge);
                }
                // what the article says where it meets the question; the search service HTML-escapes the snippet,
                // only its <em> marks are markup
                String snippetLanguage = h.language(getLocale(), h.snippet());
                item.add(new Html("<div class=\"assistant-snippet\"" + (snippetLanguage == null ? ""
                        : " lang=\"" + snippetLanguage + "\"") + ">" + snippet + "</div>"));
                list.add(item);
                n++;
            }
        }
        return card;
    }

    /** The card's text part: the note while the model writes, its text with linked citations, or that it failed. */
    private void text(Card card) {
        AssistantAnswer a = card.answer;
        card.text.removeAll();
        if (a.writing()) {
            ProgressBar progress = new ProgressBar();
            progress.setIndeterminate(true);
            progress.getElement().setAttribute("aria-label", getTranslation("assistant.summary.writing"));
            Paragraph note = new Paragraph(getTranslation("assistant.summary.writing"));
            Div writingNote = new Div(note, progress);
            writingNote.addClassName("assistant-note");
            writingNote.addClassName("assistant-writing");
            card.text.add(writingNote);
        } else if (a.summary() != null) {
            // written in the page's language, as the model is asked to (AssistantService), with what it quotes of the
            // sources in Chinese: only that is marked
            Paragraph summary = cited(a.summary(), card.sources, count(a), getLocale());
            summary.addClassName("assistant-summary");
            Span label = new Span(getTranslation("assistant.summary.label"));
            label.addClassName("assistant-note");
            card.text.add(label, summary);
        } else if (a.modelFailed()) {
            Paragraph failed = new Paragraph(getTranslation("assistant.summary.failed"));
            failed.addClassName("assistant-note");
            card.text.add(failed);
        }
    }

    /** The number of an answer's sources, as the model cites them: 1 to this. */
    private static int count(AssistantAnswer a) {
        return a.risks().size() + a.exemptions().size() + a.benchmarks().size() + a.articles().size();
    }

    /** A source's list item, the target of the model's citations of it. */
    private static ListItem source(ListItem item, String prefix, int n) {
        item.setId(prefix + n);
        item.getElement().setAttribute("tabindex", "-1");
        item.addClassName("assistant-source");
        return item;
    }

    /**
     * The model's text with each citation of a source ({@code [2]}, {@code [1,3]}, {@code 【2】}) a link to it; numbers
     * beyond the sources stay plain text. The text is the model's: it goes in as text, never as markup, its runs of
     * Chinese marked on a page in another language ({@link MarkedText}).
     */
    static Paragraph cited(String text, String prefix, int sources, Locale page) {
        Paragraph out = new Paragraph();
        Matcher m = AssistantService.CITATION.matcher(text);
        int at = 0;
        while (m.find()) {
            List<Integer> numbers = Arrays.stream(m.group(2).split("[,，、\\s]+")).filter(x -> !x.isEmpty())
                    .map(Integer::valueOf).toList();
            if (numbers.stream().anyMatch(x -> x < 1 || x > sources)) {
                continue;
            }
            out.add(MarkedText.of(text.substring(at, m.start()), page));
            out.add(new Text(m.group(1)));
            for (int i = 0; i < numbers.size(); i++) {
                if (i > 0) {
                    out.add(new Text(","));
                }
                Anchor link = new Anchor("assistant#" + prefix + numbers.get(i), numbers.get(i).toString());
                link.addClassName("assistant-cite");
                link.getElement().setAttribute("data-target", prefix + numbers.get(i));
                out.add(link);
            }
            out.add(new Text(m.group(3)));
            at = m.end();
        }
        out.add(MarkedText.of(text.substring(at), page));
        return out;
    }

    private OrderedList section(Div card, String titleKey, int start) {
        card.add(new H3(getTranslation(titleKey)));
        OrderedList list = new OrderedList();
        list.getElement().setAttribute("start", Integer.toString(start));
        card.add(list);
        return list;
    }

    /** Sample list content says so wherever it is shown. */
    private void sample(ListItem item, boolean sample) {
        if (sample) {
            item.add(new Span(" "), ListsUi.sampleBadge(this));
        }
    }

    private Paragraph disclaimer() {
        Paragraph p = new Paragraph(getTranslation("assistant.disclaimer"));
        p.addClassName("assistant-note");
        return p;
    }


    @Override
    public String getPageTitle() {
        return getTranslation("assistant.title");
    }
}

package cn.gov.enforcement.portal.assistant;

import cn.gov.enforcement.portal.lists.DiscretionBenchmark;
import cn.gov.enforcement.portal.lists.ExemptionItem;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.regulation.RegulationCatalog.ArticleHit;
import java.util.List;

/**
 * The assistant's answer to one question.
 *
 * @param question the question as asked
 * @param context the previous question's searched text when the question was answered as its follow-up (see
 *     {@link FollowUp}); null when it was answered on its own
 * @param searched the text the sources were found for: the question, or for a follow-up the context, a space and
 *     the question; a next follow-up builds on it
 * @param summary the language model's answer, citing the sources as [1], [2] …; null without a model or when it failed
 * @param modelFailed true when a model is configured but gave no answer this time
 * @param writing true while a configured model has still to write its text from the sources (see
 *     {@link AssistantService#draft}); the sources are final
 * @param risks the legal risks that concern the question, best first (sources 1 …)
 * @param exemptions the no- or lighter-penalty items that concern it (numbered after the risks)
 * @param benchmarks the discretion benchmarks of the violations it concerns: how an agency fines each degree
 *     (numbered after the exemption items)
 * @param articles the articles that answer it (numbered after the benchmarks)
 * @param lawsUnavailable true when the regulation search did not answer: no article could be looked for, which the
 *     page says rather than letting the reader take it for no article concerning the question
 */
public record AssistantAnswer(String question, String context, String searched, String summary, boolean modelFailed,
        boolean writing, List<RiskPoint> risks, List<ExemptionItem> exemptions, List<DiscretionBenchmark> benchmarks,
        List<ArticleHit> articles, boolean lawsUnavailable) {

    public boolean empty() {
        return risks.isEmpty() && exemptions.isEmpty() && benchmarks.isEmpty() && articles.isEmpty();
    }

    /** The same answer with the model's text, or with the note that the model gave none ({@code text} null). */
    AssistantAnswer written(String text) {
        return new AssistantAnswer(question, context, searched, text, text == null, false, risks, exemptions, benchmarks,
                articles, lawsUnavailable);
    }

    /** True when the question was answered in the context of the previous one. */
    public boolean followUp() {
        return context != null;
    }
}

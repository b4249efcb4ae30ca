package cn.gov.enforcement.portal.mediation;

/**
 * What an officer enters for a notice-and-guidance letter (告知引导书).
 *
 * @param situation the enforcement situation in which the dispute came up
 * @param partyName the addressee: the party who may apply for mediation
 * @param partyEmail the addressee's e-mail (optional; without it the letter is printed and handed over)
 * @param partyLanguage language of the letter and its mail: {@code zh-CN}, {@code zh-TW} or {@code en}
 * @param otherPartyName the other side of the dispute
 * @param facts a short account of the dispute, pre-filled into the application
 */
public record LetterInput(Situation situation, DisputeCategory category, String partyName, String partyEmail,
        String partyLanguage, String otherPartyName, String facts) {

    /** Where mediation is woven into enforcement work (seed 004 三(三)). */
    public enum Situation {
        DECISION,
        INSPECTION,
        COMPLAINT;

        public String messageKey() {
            return "mediation.letter.situation." + name();
        }
    }
}

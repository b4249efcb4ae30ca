package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/**
 * The texts of Vaadin's upload component (button, drop label, statuses, errors) in the reader's language, read
 * from the translation keys {@link #KEYS} under one prefix per page (such as regulation.upload. and
 * mediation.evidence.upload.); the too-big and wrong-type errors are given, since they name each page's own
 * limits.
 */
public final class UploadTexts {

    /** The keys read under a page's prefix. */
    public static final List<String> KEYS = List.of("addFile", "addFiles", "dropFile", "dropFiles",
            "error.tooManyFiles", "status.connecting", "status.stalled", "status.processing", "status.held",
            "remaining", "remainingUnknown", "error.server", "error.forbidden", "file.retry", "file.start",
            "file.remove");

    private UploadTexts() {
    }

    public static UploadI18N of(Component owner, String prefix, String fileTooBig, String incorrectType) {
        java.util.function.Function<String, String> text = key -> owner.getTranslation(prefix + key);
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(text.apply("addFile")).setMany(text.apply("addFiles")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(text.apply("dropFile")).setMany(text.apply("dropFiles")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(text.apply("error.tooManyFiles"))
                .setFileIsTooBig(fileTooBig).setIncorrectFileType(incorrectType));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(text.apply("status.connecting"))
                        .setStalled(text.apply("status.stalled"))
                        .setProcessing(text.apply("status.processing"))
                        .setHeld(text.apply("status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(text.apply("remaining"))
                        .setUnknown(text.apply("remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(text.apply("error.server"))
                        .setUnexpectedServerError(text.apply("error.server"))
                        .setForbidden(text.apply("error.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(text.apply("file.retry")).setStart(text.apply("file.start"))
                .setRemove(text.apply("file.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        return i18n;
    }
}

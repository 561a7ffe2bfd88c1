package io.torghut.prober.feature.pause.manifest;

/** Internal signal of the editor: the manifest does not have the shape the edit needs; the message says why. */
final class ManifestRefusal extends Exception {
    ManifestRefusal(String reason) {
        super(reason, null, false, false);
    }
}

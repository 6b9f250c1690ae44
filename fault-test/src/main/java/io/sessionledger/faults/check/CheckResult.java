package io.sessionledger.faults.check;

import java.util.ArrayList;
import java.util.List;

/** One invariant: how many things it examined, which broke it (the first few as examples), and notes. */
public final class CheckResult {

    private static final int EXAMPLES = 8;

    private final String name;
    private final String promise;
    private long examined;
    private long violations;
    private final List<String> examples = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public CheckResult(String name, String promise) {
        this.name = name;
        this.promise = promise;
    }

    void examined() {
        examined++;
    }

    void violation(String example) {
        violations++;
        if (examples.size() < EXAMPLES) {
            examples.add(example);
        }
    }

    /** Something worth knowing that does not break the promise (counted apart). */
    void note(String note) {
        notes.add(note);
    }

    public String name() {
        return name;
    }

    public String promise() {
        return promise;
    }

    public long examinedCount() {
        return examined;
    }

    public long violationCount() {
        return violations;
    }

    public boolean holds() {
        return violations == 0;
    }

    public List<String> examples() {
        return List.copyOf(examples);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}

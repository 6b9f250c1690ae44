package io.sessionledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785's own examples: §3.2.2's sample object and the number table of Appendix B. */
class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRfcSampleCanonicalizesAsPrinted() throws Exception {
        String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";

        assertThat(CanonicalJson.text(JSON.readTree(input))).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsAtEveryDepth() throws Exception {
        String input = "{\"\\u20ac\":1,\"\\r\":2,\"\\ud83d\\ude00\":3,\"1\":{\"b\":[],\"a\":{}},\"\\u0080\":4,\"\\ufb33\":5}";

        assertThat(CanonicalJson.text(JSON.readTree(input))).isEqualTo(
                "{\"\\r\":2,\"1\":{\"a\":{},\"b\":[]},\"\u0080\":4,\"\u20ac\":1,\"\ud83d\ude00\":3,\"\ufb33\":5}");
    }

    @Test
    void stringsKeepTheirTextBetweenEscapes() throws Exception {
        String input = "[\"plain enc:v1:ab12:Zx-_\", \"\\\"start\", \"end\\\\\", \"a\\tb\\u0001c\\u007f\u00e9\", \"\"]";

        assertThat(CanonicalJson.text(JSON.readTree(input)))
                .isEqualTo("[\"plain enc:v1:ab12:Zx-_\",\"\\\"start\",\"end\\\\\",\"a\\tb\\u0001c\u007f\u00e9\",\"\"]");
    }

    @ParameterizedTest
    @CsvSource({
            "0000000000000000, 0", "8000000000000000, 0", "0000000000000001, 5e-324", "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308", "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992", "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000", "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23", "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000", "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21", "3eb0c6f7a0b5ed8c, 9.999999999999997e-7", "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332", "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333", "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343", "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2",
            // integers below 2^53 (the fast path) and just past it
            "3ff0000000000000, 1", "bff0000000000000, -1", "408f400000000000, 1000",
            "433fffffffffffff, 9007199254740991", "c33fffffffffffff, -9007199254740991",
            "4340000000000001, 9007199254740994", "4415af1d78b58c40, 100000000000000000000"})
    void numbersPrintAsEcmaScriptDoes(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertThat(CanonicalJson.number(value)).isEqualTo(expected);
    }
}

package io.github.finetune4j.eval.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlTest {

    @Test
    void markupCharactersAreEscapedAndInvalidCharactersReplaced() {
        assertThat(Xml.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Xml.escape("bell\u0007 nul\u0000")).isEqualTo("bell\uFFFD nul\uFFFD");
        assertThat(Xml.escape("emoji \uD83D\uDE00 ok")).isEqualTo("emoji \uD83D\uDE00 ok");
        assertThat(Xml.escape("lone \uD83D surrogate")).isEqualTo("lone \uFFFD surrogate");
        assertThat(Xml.escape(null)).isEmpty();
    }
}

package io.github.finetune4j.eval.support;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks shared by report tests: the page is well-formed XML and loads nothing from anywhere. */
public final class ReportChecks {
    private static final Pattern URL = Pattern.compile("(?i)(https?:)?//[a-z0-9]");
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private ReportChecks() {
    }

    /** Parses markup with the JDK's XML parser (no external entities, no network). */
    public static Document parseXml(String markup) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(markup)));
    }

    /** Asserts that no URL appears, except the SVG namespace of a standalone SVG file. */
    public static void assertNoExternalUrl(String markup) {
        Matcher m = URL.matcher(markup.replace("xmlns=\"" + SVG_NAMESPACE + "\"", ""));
        assertThat(m.find()).as("external URL in report: %s", m.find(0) ? m.group() : "").isFalse();
        assertThat(markup).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("@font-face");
    }

    public static int count(Document doc, String tag) {
        return doc.getElementsByTagName(tag).getLength();
    }

    public static String text(Document doc) {
        return doc.getDocumentElement().getTextContent();
    }
}

package io.careflow.mailbox;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML e-mail body reduced to plain text (jsoup): scripts, styles and markup are dropped,
 * block elements and line breaks become new lines, entities are decoded. What is left is
 * text — shown and re-rendered escaped, never interpreted as HTML again.
 */
final class HtmlText {

  private HtmlText() {}

  static String of(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    var doc = Jsoup.parse(html);
    doc.select("script, style, head, title, noscript, template, iframe, object").remove();
    var out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          out.append(text.text());
        } else if (node instanceof Element element && (element.normalName().equals("br") || element.isBlock())) {
          out.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock() && !element.normalName().equals("br")) {
          out.append('\n');
        }
      }
    }, doc.body());
    return out.toString()
        .replace('\u00a0', ' ')
        .replaceAll("[ \\t]+\\n", "\n")
        .replaceAll("\\n[ \\t]+", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }
}

package io.careflow.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careflow.system.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The designers' canned replies in {@code templates/replies/}: the shipped ones hold together;
 * a case gets its topic's replies and those for any topic, in its language, filled in; one with
 * a placeholder no case can fill stops careflow from starting, naming the file and the placeholder.
 */
class CannedRepliesTest {

  static final List<String> LANGUAGES = List.of("pl", "en", "ru");

  @Test
  void shouldAcceptTheShippedRepliesAndOfferATopicsOwnFirst() {
    var replies = new CannedReplies(new TextFiles(List.of("file:templates/")), LANGUAGES);

    assertThat(replies.problems()).isEmpty();
    assertThat(replies.of("COMPLAINT", "en")).extracting(CannedReplies.CannedReply::title)
        .containsExactly("Refund", "Apology and replacement", "We need a little more time");
    assertThat(replies.of("RETURN", "ru")).extracting(CannedReplies.CannedReply::name).containsExactly("more-time");
    // every reply exists in every language the shop writes in
    for (String language : LANGUAGES) {
      assertThat(replies.of("COMPLAINT", language)).hasSize(3);
      assertThat(replies.of("INQUIRY", language)).hasSize(2);
    }
  }

  @Test
  void shouldFillTheCasesValuesAndLeaveOutWhatTheCaseCannotFill() {
    var replies = new CannedReplies(new TextFiles(List.of("file:templates/")), LANGUAGES);
    var refund = replies.of("COMPLAINT", "en").get(0);

    assertThat(refund.fill(Map.of("orderId", "ORD-4711"))).startsWith("We have accepted your complaint about order "
        + "ORD-4711.");
    assertThat(refund.fill(Map.of("customerName", "Jan"))).as("no order number on this case").isNull();
    var frame = replies.frame("pl", Map.of("customerName", "Katarzyna Zielińska", "agentName", "Anna Nowak",
        "shopName", "Example Shop"));
    assertThat(frame.greeting()).isEqualTo("Dzień dobry Katarzyna Zielińska,");
    assertThat(frame.signature()).isEqualTo("Z pozdrowieniami\nAnna Nowak\nObsługa klienta Example Shop");
    assertThat(replies.frame("en", Map.of("agentName", "Boris", "shopName", "Shop")).greeting())
        .isEqualTo("Dear Customer,");
  }

  @Test
  void shouldRefuseToStartWithAPlaceholderNoCaseCanFill(@TempDir Path templates) throws IOException {
    withFrames(templates, "COMPLAINT");
    Files.writeString(templates.resolve("replies/COMPLAINT/voucher_en.txt"),
        "Voucher\n\nYour voucher ${voucherCode} is valid until ${replyDeadline}.");

    assertThatThrownBy(() -> new CannedReplies(new TextFiles(List.of(templates.toUri().toString())), LANGUAGES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("templates/replies/COMPLAINT/voucher_en.txt: placeholder ${voucherCode} is not one a "
            + "case can fill (agentName, customerName, orderId, productSku, replyDeadline, shopName, subject)")
        .hasMessageNotContaining("${replyDeadline} is not");
  }

  @Test
  void shouldRefuseAReplyWithoutTitleOrInALanguageTheShopDoesNotWriteIn(@TempDir Path templates) throws IOException {
    withFrames(templates, "any");
    Files.writeString(templates.resolve("replies/any/thanks_de.txt"), "Danke\n\nVielen Dank.");
    Files.writeString(templates.resolve("replies/any/empty_en.txt"), "Only a title");

    assertThatThrownBy(() -> new CannedReplies(new TextFiles(List.of(templates.toUri().toString())), LANGUAGES))
        .hasMessageContaining("templates/replies/any/thanks_de.txt: language de is not one the shop writes in")
        .hasMessageContaining("templates/replies/any/empty_en.txt: needs a title (the first line), an empty line "
            + "and the text");
  }

  /** A templates folder with the shipped reply frames and an empty folder of replies for {@code topic}. */
  private static void withFrames(Path templates, String topic) throws IOException {
    Files.createDirectories(templates.resolve("replies/" + topic));
    for (String language : LANGUAGES) {
      Files.copy(Path.of("templates/replies/frame_" + language + ".properties"),
          templates.resolve("replies/frame_" + language + ".properties"));
    }
  }
}

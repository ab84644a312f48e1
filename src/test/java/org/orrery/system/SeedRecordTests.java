package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.record.ItemType;
import org.orrery.record.Visibility;
import org.orrery.support.OwnEmbeddedDatabase;

/**
 * Record content in a seed file: every item is checked as the API checks a body, and a bad one is refused with the
 * file, the entry's path and the problem, before anything is applied (the start-up that reads it stops).
 */
@OwnEmbeddedDatabase
class SeedRecordTests {

    @TempDir
    Path dir;

    private Path write(String record) throws IOException {
        Path file = this.dir.resolve("seed.yml");
        Files.writeString(file, """
                researchers:
                  - orcid: "0000-0002-7319-2192"
                    given-names: "Carl"
                    email: "carl@seed.example.org"
                    password: "carl-seed-password"
                    record:
                """ + record.indent(6) + """
                clients:
                  - client-id: "APP-SEEDB00000000001"
                    client-secret: "seed-b-member-secret-1"
                    name: "Seeded Member"
                    description: "A member client from the seed file."
                    type: member
                    redirect-uris: ["https://member.example.org/callback"]
                """);
        return file;
    }

    @Test
    void everySectionReadsAsTheApiReadsIt() throws IOException {
        Path file = write("""
                works:
                  - visibility: limited
                    source: APP-SEEDB00000000001
                    body: {"title": {"title": {"value": "A limited work"}}, "type": "journal-article", "put-code": 99}
                  - visibility: public
                    body: '{"title": {"title": {"value": "Body as a JSON string"}}, "type": "book"}'
                emails:
                  - visibility: private
                    body: {"email": "second@seed.example.org"}
                biography:
                  visibility: registered-only
                  body: {"content": "Pale blue dot"}
                """);
        SeedFile seed = SeedFile.read(file);
        SeedRecord record = seed.researchers().get(0).record();
        assertThat(record.items()).extracting(SeedRecord.Item::type)
            .containsExactly(ItemType.WORK, ItemType.WORK, ItemType.EMAIL);
        assertThat(record.items().get(0).source()).isEqualTo("APP-SEEDB00000000001");
        assertThat(record.items().get(0).visibility()).isEqualTo(Visibility.LIMITED);
        assertThat(record.items().get(0).body().has("put-code")).isFalse();
        assertThat(record.items().get(1).source()).isNull();
        assertThat(record.biography()).isEqualTo(new SeedRecord.Biography("Pale blue dot", Visibility.REGISTERED_ONLY));
    }

    @Test
    void aBodyTheApiWouldRefuseNamesTheEntryAndTheField() throws IOException {
        Path file = write("""
                works:
                  - visibility: public
                    body: {"title": {"title": {"value": "Fine"}}, "type": "book"}
                  - visibility: public
                    body: {"type": "book", "colour": "blue"}
                """);
        assertThatThrownBy(() -> SeedFile.read(file)).isInstanceOf(SeedFile.InvalidSeedFileException.class)
            .hasMessage("Seed file " + file + ", entry researchers[0].record.works[1], field 'body': work/colour is"
                    + " not a known field");
    }

    @Test
    void unknownSectionsVisibilitiesAndSourcesAreRefused() throws IOException {
        Path section = write("""
                novels:
                  - visibility: public
                    body: {"title": {"title": {"value": "x"}}}
                """);
        assertThatThrownBy(() -> SeedFile.read(section)).hasMessageStartingWith("Seed file " + section
                + ", entry researchers[0], field 'record': unknown section 'novels' (expected one of other-names,");
        Path visibility = write("""
                keywords:
                  - visibility: secret
                    body: {"content": "k"}
                """);
        assertThatThrownBy(() -> SeedFile.read(visibility)).hasMessage("Seed file " + visibility
                + ", entry researchers[0].record.keywords[0], field 'visibility': 'secret' is not a visibility"
                + " (public, limited, registered-only or private)");
        Path source = write("""
                keywords:
                  - visibility: public
                    source: APP-NOTINTHISFILE0001
                    body: {"content": "k"}
                """);
        assertThatThrownBy(() -> SeedFile.read(source)).hasMessage("Seed file " + source
                + ", entry researchers[0].record.keywords[0], field 'source': 'APP-NOTINTHISFILE0001' is not a"
                + " client-id of this file (or 'researcher')");
        Path json = write("""
                keywords:
                  - visibility: public
                    body: '{"content": '
                """);
        assertThatThrownBy(() -> SeedFile.read(json)).hasMessage("Seed file " + json
                + ", entry researchers[0].record.keywords[0], field 'body': is not valid JSON");
    }

    @Test
    void aBadItemStopsStartUp() throws IOException {
        Path file = write("""
                keywords:
                  - visibility: public
                    body: {"content": ""}
                """);
        var settings = InProcessOrrery.freshSettings();
        settings.put("orrery.seed-file", file.toString());
        assertThatThrownBy(() -> InProcessOrrery.start(settings).close())
            .hasStackTraceContaining("Seed file " + file + ", entry researchers[0].record.keywords[0], field 'body':");
    }
}

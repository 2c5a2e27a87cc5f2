import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.render.pdf.PdfJudge;
import java.nio.file.Path;

/**
 * Judges the files an installed package wrote, as the tests judge theirs: EPUBCheck on every EPUB, veraPDF
 * (PDF/UA-1, PDF/A-2a) on every PDF of the folder. Run by .ci/run with Java's source launcher on the test class
 * path: java -cp CLASSPATH src/dist/CheckOutputs.java FOLDER. Exits non-zero on any finding or an empty folder.
 */
public class CheckOutputs {

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int epubs = EpubCheckAssert.assertAllValid(folder);
        int pdfs = PdfJudge.assertAllConform(folder);
        if (epubs == 0 || pdfs == 0) {
            throw new AssertionError("expected EPUBs and PDFs in " + folder + ", found " + epubs + " and " + pdfs);
        }
        System.out.println(folder + ": EPUBCheck clean on " + epubs + " EPUBs, veraPDF clean on " + pdfs + " PDFs");
    }

}

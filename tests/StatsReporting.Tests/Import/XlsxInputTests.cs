using StatsReporting.Import;

namespace StatsReporting.Tests.Import;

public class XlsxInputTests
{
    [Fact]
    public void A_workbook_with_pictures_on_a_machine_without_libgdiplus_gets_a_Swedish_reason()
    {
        // What ClosedXML 0.95.4 throws when it opens a workbook with pictures and libgdiplus is missing (seen on Debian 12).
        var missing = new TypeInitializationException("Gdip",
            new DllNotFoundException("Unable to load shared library 'libgdiplus' or one of its dependencies."));

        var reason = RawTableReader.WhyUnreadable(missing);

        Assert.Equal("arbetsboken innehåller bilder eller diagram, och de kan inte öppnas på den här datorn (systempaketet libgdiplus "
            + "saknas): ta bort bilderna eller spara det första bladet som CSV och använd den filen.", reason);
        Assert.Null(RawTableReader.WhyUnreadable(new InvalidDataException("Central Directory corrupt.")));
    }
}

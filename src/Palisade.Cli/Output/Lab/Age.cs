using System.Globalization;

namespace Palisade.Cli.Output.Lab;

/// <summary>kubectl's age format: 45s, 12m, 3h, 2d.</summary>
internal static class Age
{
    public static string Since(DateTimeOffset time, DateTimeOffset now)
    {
        var age = now - time;
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        return age.TotalSeconds < 120 ? $"{(int)age.TotalSeconds}s"
            : age.TotalMinutes < 120 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h"
            : ((int)age.TotalDays).ToString(CultureInfo.InvariantCulture) + "d";
    }
}

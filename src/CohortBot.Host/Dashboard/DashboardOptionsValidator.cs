using Microsoft.Extensions.Options;

namespace CohortBot.Host.Dashboard;

/// <summary>Checks <see cref="DashboardOptions"/> at start, naming the key.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.AbsolutePath != "/" || url.Query.Length != 0)
        {
            problems.Add($"Dashboard:Url must be one http or https URL with a host and port and no path, e.g. http://127.0.0.1:5080; '{options.Url}' is not.");
        }

        if (options.LinkLifetime <= TimeSpan.Zero || options.LinkLifetime > TimeSpan.FromHours(1))
        {
            problems.Add($"Dashboard:LinkLifetime must be more than zero and at most 01:00:00 (a sign-in link is short-lived); {options.LinkLifetime} is not.");
        }

        if (options.SessionLifetime <= TimeSpan.Zero || options.SessionLifetime > TimeSpan.FromDays(7))
        {
            problems.Add($"Dashboard:SessionLifetime must be more than zero and at most 7.00:00:00; {options.SessionLifetime} is not.");
        }

        if (options.PageSize is < 10 or > 1000)
        {
            problems.Add($"Dashboard:PageSize must be from 10 to 1000; {options.PageSize} is not.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace CohortBot.Dashboard.Tests;

/// <summary>An HTTP client with its own cookie jar, as one browser would be.</summary>
internal sealed partial class DashboardClient(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = true }) { BaseAddress = baseUrl };

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>Returns as soon as the headers are in (a stream).</summary>
    public Task<HttpResponseMessage> OpenAsync(string path) => _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);

    public Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] form) =>
        _http.PostAsync(path, new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>Presses the link's Sign in button: posts its token.</summary>
    public Task<HttpResponseMessage> SignInAsync(string link) =>
        PostAsync("/dashboard/signin", ("token", new Uri(link).Query.Split("token=")[1]));

    public static string Csrf(string page) => CsrfPattern().Match(page).Groups[1].Value;

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();
}

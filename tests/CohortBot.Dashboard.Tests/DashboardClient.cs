using System.Net;
using System.Text.RegularExpressions;

namespace CohortBot.Dashboard.Tests;

/// <summary>An HTTP client with its own cookie jar, as one browser would be (give it another's jar to be that browser again, e.g. after a restart).</summary>
internal sealed partial class DashboardClient : IDisposable
{
    private readonly HttpClient _http;

    public DashboardClient(Uri baseUrl, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _http = new(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = true }) { BaseAddress = baseUrl };
    }

    public CookieContainer Cookies { get; }

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

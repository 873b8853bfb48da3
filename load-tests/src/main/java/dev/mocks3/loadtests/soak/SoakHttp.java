package dev.mocks3.loadtests.soak;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import dev.mocks3.loadtests.LoadTarget;

/** The anonymous path-style S3 calls of the soak, over the JDK's HTTP client, on one bucket. */
final class SoakHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What the server answered: the status, the ETag header (without quotes) and the body. */
    record Answer(int status, String etag, byte[] body) {
        boolean ok() {
            return status == 200 || status == 204;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Upload(String key, String uploadId) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LoadTarget target;
    private final String bucket;

    SoakHttp(LoadTarget target, String bucket) {
        this.target = target;
        this.bucket = bucket;
    }

    LoadTarget target() {
        return target;
    }

    String bucket() {
        return bucket;
    }

    Answer createBucket() throws IOException, InterruptedException {
        return send(request(target.bucket(bucket)).PUT(BodyPublishers.noBody()));
    }

    Answer deleteBucket() throws IOException, InterruptedException {
        return send(request(target.bucket(bucket)).DELETE());
    }

    Answer put(String key, byte[] body) throws IOException, InterruptedException {
        return send(request(target.object(bucket, key)).PUT(BodyPublishers.ofByteArray(body)));
    }

    Answer get(String key) throws IOException, InterruptedException {
        return send(request(target.object(bucket, key)).GET());
    }

    Answer delete(String key) throws IOException, InterruptedException {
        return send(request(target.object(bucket, key)).DELETE());
    }

    Answer createMultipartUpload(String key) throws IOException, InterruptedException {
        return send(request(withQuery(target.object(bucket, key), "uploads")).POST(BodyPublishers.noBody()));
    }

    Answer uploadPart(String key, String uploadId, int partNumber, byte[] body) throws IOException, InterruptedException {
        return send(request(withQuery(target.object(bucket, key), "partNumber=" + partNumber + "&uploadId=" + encode(uploadId)))
                .PUT(BodyPublishers.ofByteArray(body)));
    }

    Answer completeMultipartUpload(String key, String uploadId, List<String> partEtags)
            throws IOException, InterruptedException {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 0; i < partEtags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>\"").append(partEtags.get(i))
                    .append("\"</ETag></Part>");
        }
        xml.append("</CompleteMultipartUpload>");
        return send(request(withQuery(target.object(bucket, key), "uploadId=" + encode(uploadId)))
                .POST(BodyPublishers.ofString(xml.toString())));
    }

    Answer abortMultipartUpload(String key, String uploadId) throws IOException, InterruptedException {
        return send(request(withQuery(target.object(bucket, key), "uploadId=" + encode(uploadId))).DELETE());
    }

    /** Every object of the bucket with its ETag, through as many ListObjectsV2 pages as it takes. */
    Map<String, String> listObjects() throws IOException, InterruptedException {
        Map<String, String> objects = new LinkedHashMap<>();
        String token = null;
        do {
            String query = "list-type=2" + (token == null ? "" : "&continuation-token=" + encode(token));
            Document page = xml(expectOk(send(request(withQuery(target.bucket(bucket), query)).GET())));
            NodeList contents = page.getElementsByTagName("Contents");
            for (int i = 0; i < contents.getLength(); i++) {
                Element entry = (Element) contents.item(i);
                objects.put(text(entry, "Key"), unquote(text(entry, "ETag")));
            }
            token = "true".equals(text(page.getDocumentElement(), "IsTruncated"))
                    ? text(page.getDocumentElement(), "NextContinuationToken") : null;
        } while (token != null);
        return objects;
    }

    /** The bucket's unfinished multipart uploads (the first 1,000 are plenty for one soak). */
    List<Upload> listMultipartUploads() throws IOException, InterruptedException {
        Document page = xml(expectOk(send(request(withQuery(target.bucket(bucket), "uploads")).GET())));
        NodeList uploads = page.getElementsByTagName("Upload");
        List<Upload> result = new ArrayList<>();
        for (int i = 0; i < uploads.getLength(); i++) {
            Element upload = (Element) uploads.item(i);
            result.add(new Upload(text(upload, "Key"), text(upload, "UploadId")));
        }
        return result;
    }

    static String elementText(Answer answer, String element) {
        try {
            return text(xml(answer).getDocumentElement(), element);
        } catch (IOException e) {
            return null;
        }
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.build(), BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("ETag").map(SoakHttp::unquote).orElse(null),
                response.body());
    }

    private static Answer expectOk(Answer answer) throws IOException {
        if (!answer.ok()) {
            throw new IOException("answered " + answer.status() + ": " + answer.text());
        }
        return answer;
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    private static URI withQuery(URI uri, String query) {
        return URI.create(uri + "?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Document xml(Answer answer) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not an XML answer: " + answer.text(), e);
        }
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }
}

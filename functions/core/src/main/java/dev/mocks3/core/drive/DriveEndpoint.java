package dev.mocks3.core.drive;

/**
 * The cloud drive's routing table (the Polaris-IO API on port 8888): method + path → the function
 * that serves it. The drive's router, its Knative service and its README table come from here.
 */
public enum DriveEndpoint {
    REGISTER("POST", "/usercenter/v1/user/register", "driveRegister", false, "register by mobile, password and name; returns a token"),
    LOGIN("POST", "/usercenter/v1/user/login", "driveLogin", false, "log in by mobile and password; returns a token"),
    USER_INFO("GET", "/usercenter/v1/user/info", "driveUserInfo", true, "the caller's id, mobile and name"),
    USER_QUOTA("GET", "/usercenter/v1/user/quota", "driveUserQuota", true, "bytes used and total"),
    TOKEN_REFRESH("POST", "/usercenter/v1/user/refresh", "driveTokenRefresh", true, "a fresh token for a valid one"),
    FOLDER_CREATE("POST", "/file/v1/folder/create", "driveFolderCreate", true, "create a folder"),
    FILE_LIST("GET", "/file/v1/file/list", "driveFileList", true, "list a folder: cursor paging, sort by name, time or size, folders first"),
    FILE_DETAIL("GET", "/file/v1/file/detail", "driveFileDetail", true, "details of a file or folder"),
    FILE_RENAME("POST", "/file/v1/file/rename", "driveFileRename", true, "rename a file or folder"),
    FILE_MOVE("POST", "/file/v1/file/move", "driveFileMove", true, "move into another folder (never into itself or below)"),
    FILE_COPY("POST", "/file/v1/file/copy", "driveFileCopy", true, "copy a file or a folder tree; no byte is copied"),
    FILE_DELETE("POST", "/file/v1/file/delete", "driveFileDelete", true, "move a file or folder to the trash"),
    TRASH_LIST("GET", "/file/v1/trash/list", "driveTrashList", true, "list the trash, newest first"),
    TRASH_RESTORE("POST", "/file/v1/trash/restore", "driveTrashRestore", true, "restore to the old folder, or the root when it is gone"),
    TRASH_DELETE("POST", "/file/v1/trash/delete", "driveTrashDelete", true, "delete from the trash for good; refunds the quota"),
    UPLOAD_INSTANT("POST", "/file/v1/upload/instant", "driveUploadInstant", true, "instant upload: the file appears when its SHA-256 is known"),
    UPLOAD_PRESIGN("POST", "/file/v1/upload/presign", "driveUploadPresign", true, "presigned PUT, or multipart with one presigned URL per part"),
    UPLOAD_PARTS("GET", "/file/v1/upload/parts", "driveUploadParts", true, "parts already uploaded, and URLs for the missing ones (resume)"),
    UPLOAD_CALLBACK("POST", "/file/v1/upload/callback", "driveUploadCallback", true, "complete an upload: verify size and SHA-256, create the file"),
    FILE_DOWNLOAD("GET", "/file/v1/file/download", "driveFileDownload", true, "a presigned GET URL (Content-Disposition, Range-capable)"),
    FILE_STREAM("GET", "/file/v1/file/stream", "driveFileStream", true, "the bytes of a small file, streamed"),
    FOLDER_ZIP("GET", "/file/v1/folder/zip", "driveFolderZip", true, "a folder as a zip stream"),
    SHARE_CREATE("POST", "/share/v1/share/create", "driveShareCreate", true, "share files and folders behind a 4-character code"),
    SHARE_LIST("GET", "/share/v1/share/list", "driveShareList", true, "the caller's shares with their view, download and save counts"),
    SHARE_CANCEL("POST", "/share/v1/share/cancel", "driveShareCancel", true, "cancel a share"),
    SHARE_VALIDATE("POST", "/share/v1/share/validate", "driveShareValidate", false, "open a share with its code; returns a share token"),
    SHARE_FILES("GET", "/share/v1/share/files", "driveShareFiles", false, "list a validated share, or a folder inside it"),
    SHARE_DOWNLOAD("GET", "/share/v1/share/download", "driveShareDownload", false, "a presigned GET for a file of a validated share"),
    SHARE_SAVE("POST", "/share/v1/share/save", "driveShareSave", true, "save items of a validated share into the caller's drive");

    private final String method;
    private final String path;
    private final String functionName;
    private final boolean authenticated;
    private final String summary;

    DriveEndpoint(String method, String path, String functionName, boolean authenticated, String summary) {
        this.method = method;
        this.path = path;
        this.functionName = functionName;
        this.authenticated = authenticated;
        this.summary = summary;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String functionName() {
        return functionName;
    }

    /** Whether the caller must present a token ({@code Authorization: <token>}, with or without {@code Bearer}). */
    public boolean authenticated() {
        return authenticated;
    }

    public String summary() {
        return summary;
    }
}

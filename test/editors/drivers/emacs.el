;;; emacs.el --- drives Emacs for test/editors/emacs.test.ts  -*- lexical-binding: t -*-
;;
;; Loaded with -l after the user's configuration (the README's block).  Visits $PPNET_FILE as a user
;; would, lets Emacs run what its command loop runs after a command (`post-command-hook', where
;; `eglot-ensure' connects, and due timers), and uses what a user's commands use: flymake's
;; diagnostics, eglot's eldoc hover, `completion-at-point' functions, `xref-find-definitions' and
;; `eglot-code-actions' with its menu.  Writes what the editor then shows to the JSON file
;; $PPNET_RESULT and exits, also on failure.
;;
;; $PPNET_PLAN names a JSON file: { hover?, completion?, definition?, fix? = { point, title? } } with
;; Emacs points (1 + the number of characters before the place).
;; Written for Emacs 28 with eglot 1.9 (Debian bookworm) and later.

(require 'cl-lib)
(require 'json)
(require 'flymake)
(require 'xref)

(defvar ppnet-test--plan (json-read-file (getenv "PPNET_PLAN")))
(defvar ppnet-test--result nil)
(defvar ppnet-test--publications 0)
(defvar ppnet-test--published nil "The number of diagnostics in the last publication.")

(advice-add 'eglot-handle-notification :after
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (cl-incf ppnet-test--publications)
                (setq ppnet-test--published (length (plist-get params :diagnostics))))))

(defun ppnet-test--wait (seconds condition what)
  "Wait for CONDITION as Emacs waits for the next key, for SECONDS at most.
Runs what the command loop runs after a command (`post-command-hook'), reads process output, runs
timers, and runs each idle timer once when the wait has lasted its idle time: a batch Emacs never
waits for a key, so it would never run them by itself."
  (run-hooks 'post-command-hook)
  (let* ((start (float-time))
         (deadline (+ start seconds))
         (ran nil))
    (while (not (funcall condition))
      (when (> (float-time) deadline) (error "Timed out waiting for %s" what))
      (accept-process-output nil 0.02)
      (dolist (timer (copy-sequence timer-idle-list))
        (when (and (not (memq timer ran))
                   (>= (- (float-time) start) (float-time (timer--time timer))))
          (push timer ran)
          (timer-event-handler timer))))))

(defun ppnet-test--diagnostics ()
  (mapcar (lambda (d)
            `((beg . ,(flymake-diagnostic-beg d))
              (end . ,(flymake-diagnostic-end d))
              (type . ,(symbol-name (flymake-diagnostic-type d)))
              (text . ,(flymake-diagnostic-text d))
              (lspSeverity . ,(plist-get (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))) :severity))))
          (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))

(defun ppnet-test--settled ()
  "Diagnostics were published and flymake shows as many as the last publication had."
  (and ppnet-test--published (= ppnet-test--published (length (flymake-diagnostics)))))

(defun ppnet-test--plan (key) (alist-get key ppnet-test--plan))

(defun ppnet-test--scenario ()
  (find-file (getenv "PPNET_FILE"))
  (push `(mode . ,(symbol-name major-mode)) ppnet-test--result)
  (ppnet-test--wait 20 #'ppnet-test--settled "the first diagnostics")
  (push `(server . ,(plist-get (eglot--server-info (eglot-current-server)) :name)) ppnet-test--result)
  (push `(diagnostics . ,(vconcat (ppnet-test--diagnostics))) ppnet-test--result)

  (when-let ((at (ppnet-test--plan 'hover)))
    (goto-char (alist-get 'point at))
    (let (hover)
      (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
      (ppnet-test--wait 10 (lambda () hover) "the hover")
      (push `(hover . ,(substring-no-properties hover)) ppnet-test--result)))

  (when-let ((at (ppnet-test--plan 'completion)))
    (goto-char (alist-get 'point at))
    (let* ((capf (run-hook-with-args-until-success 'completion-at-point-functions))
           (table (nth 2 capf))
           (sort (completion-metadata-get (completion-metadata "" table nil) 'display-sort-function))
           (labels (mapcar #'substring-no-properties (all-completions "" table))))
      (push `(completion . ,(vconcat (if sort (funcall sort labels) labels))) ppnet-test--result)))

  (when-let ((at (ppnet-test--plan 'definition)))
    (goto-char (alist-get 'point at))
    (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
    (push `(definition . ((point . ,(point)) (buffer . ,(buffer-file-name)))) ppnet-test--result))

  (when-let ((at (ppnet-test--plan 'fix)))
    (goto-char (alist-get 'point at))
    (let ((tick (buffer-chars-modified-tick))
          (before ppnet-test--publications)
          (titles nil)
          ;; Not a mouse event: eglot offers its menu through `completing-read'.
          (last-nonmenu-event ?\r))
      ;; The quick fix menu: pick the action the plan names, as a user would.
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt collection &rest _)
                   (setq titles (mapcar #'car collection))
                   (alist-get 'title at))))
        (call-interactively #'eglot-code-actions))
      (ppnet-test--wait 10 (lambda () (/= tick (buffer-chars-modified-tick))) "the quick fix to change the buffer")
      (ppnet-test--wait 20 (lambda () (and (> ppnet-test--publications before) (ppnet-test--settled)))
                        "diagnostics after the quick fix")
      (push `(fix . ((titles . ,(vconcat titles))
                     (text . ,(buffer-substring-no-properties (point-min) (point-max)))
                     (diagnostics . ,(vconcat (ppnet-test--diagnostics)))))
            ppnet-test--result))))

(condition-case err
    (ppnet-test--scenario)
  (error (push `(error . ,(error-message-string err)) ppnet-test--result)))
(with-temp-file (getenv "PPNET_RESULT")
  (insert (json-encode ppnet-test--result)))
(kill-emacs 0)

package vnet

// This file defines GeneratePage, the HTML the simulated hosts serve.

import (
	"fmt"
	"html"
	"strings"

	"coroutinetour/sandbox/hub"
)

func hubFunc(f func()) hub.Func { return hub.Func(f) }

// GeneratePage returns an HTML page of exactly size bytes (ASCII) titled
// after the URL it answers. The same arguments always give the same bytes.
func GeneratePage(title string, size int) []byte {
	if size <= 0 {
		return []byte{}
	}
	t := html.EscapeString(title)
	head := "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>" + t + "</title></head>\n<body>\n<h1>" + t + "</h1>\n"
	tail := "</body>\n</html>\n"
	if size < len(head)+len(tail)+7 {
		return []byte(strings.Repeat("x", size))
	}
	var b strings.Builder
	b.Grow(size)
	b.WriteString(head)
	room := size - len(head) - len(tail)
	for i := 1; ; i++ {
		p := fmt.Sprintf("<p>Paragraph %d of a page served by Coroutine Tour's simulated internet.</p>\n", i)
		if len(p)+7 > room { // keep room for a closing comment
			break
		}
		b.WriteString(p)
		room -= len(p)
	}
	b.WriteString("<!--")
	b.WriteString(strings.Repeat(" ", room-7))
	b.WriteString("-->")
	b.WriteString(tail)
	return []byte(b.String())
}
